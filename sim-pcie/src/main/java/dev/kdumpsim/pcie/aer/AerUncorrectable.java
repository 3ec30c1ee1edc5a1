package dev.kdumpsim.pcie.aer;

import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded AER Uncorrectable Error Status value ({@code kdumpsim decode aer-uncor VALUE}).
 *
 * <p>Layer and agent follow Linux's rules (drivers/pci/pcie/aer.c {@code AER_GET_LAYER_ERROR},
 * {@code AER_GET_AGENT}): the Data Link layer if Data Link Protocol is set, else the Transaction
 * layer; the Completer if Completer Abort is set, else the Requester if Completion Timeout or
 * Unsupported Request is set, else the Receiver.
 *
 * @param value the register value
 * @param bits the set bit positions, ascending
 * @param errors Linux's names for those bits, same order
 * @param layer "Data Link Layer" / "Transaction Layer" (or "" when no bit is set)
 * @param agent "Completer ID" / "Requester ID" / "Receiver ID" (or "" when no bit is set)
 * @param headerLogValid whether a set bit is one whose Header Log Linux prints (AER_LOG_TLP_MASKS)
 */
public record AerUncorrectable(int value, List<Integer> bits, List<String> errors, String layer, String agent,
        boolean headerLogValid) {

    public AerUncorrectable {
        bits = List.copyOf(bits);
        errors = List.copyOf(errors);
    }

    /** Decodes a register value. */
    public static AerUncorrectable of(int value) {
        List<Integer> bits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int b = 0; b < 32; b++) {
            if ((value & (1 << b)) != 0) {
                bits.add(b);
                names.add(AerErrorNames.uncorrectable(b));
            }
        }
        String layer = "";
        String agent = "";
        if (value != 0) {
            layer = (value & (1 << PciRegs.UNC_DLP)) != 0 ? "Data Link Layer" : "Transaction Layer";
            if ((value & (1 << PciRegs.UNC_COMP_ABORT)) != 0) {
                agent = "Completer ID";
            } else if ((value & ((1 << PciRegs.UNC_COMP_TIME) | (1 << PciRegs.UNC_UNSUP))) != 0) {
                agent = "Requester ID";
            } else {
                agent = "Receiver ID";
            }
        }
        return new AerUncorrectable(value, bits, names, layer, agent, (value & PciRegs.AER_LOG_TLP_MASKS) != 0);
    }

    /**
     * Parses a value as pasted from a log: hex with or without {@code 0x}, 1 to 8 digits.
     *
     * @throws IllegalArgumentException with a hint when the text is not such a number
     */
    public static AerUncorrectable decode(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing AER status value (give a 32-bit hex value, e.g. 0x00040000)");
        }
        String t = text.trim();
        String digits = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not a 32-bit hex value: '" + text
                    + "' (expected up to 8 hex digits, e.g. 0x00040000 as in 'aer_status: 0x00040000')");
        }
        return of((int) Long.parseLong(digits, 16));
    }

    /** Human-readable, one error per line in Linux's v4.19 style ({@code [18] Malformed TLP}). */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("AER uncorrectable status 0x%08x", value));
        if (bits.isEmpty()) {
            sb.append(": no error bits set\n");
            return sb.toString();
        }
        sb.append('\n');
        for (int i = 0; i < bits.size(); i++) {
            sb.append(String.format("  [%2d] %s%n", bits.get(i), errors.get(i)));
        }
        sb.append("  aer_layer=").append(layer).append(", aer_agent=").append(agent).append('\n');
        sb.append("  header log valid: ").append(headerLogValid ? "yes" : "no").append('\n');
        return sb.toString();
    }

    /** JSON fields: value, bits, errors, layer, agent, headerLogValid. */
    public Map<String, Object> toJsonFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", String.format("0x%08x", value));
        List<String> b = new ArrayList<>();
        for (int x : bits) {
            b.add(Integer.toString(x));
        }
        m.put("bits", b);
        m.put("errors", errors);
        m.put("layer", layer);
        m.put("agent", agent);
        m.put("headerLogValid", headerLogValid);
        return m;
    }
}
