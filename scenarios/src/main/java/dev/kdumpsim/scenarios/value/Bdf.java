package dev.kdumpsim.scenarios.value;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI bus/device/function, written {@code "01:00.0"} or with a segment {@code "0000:01:00.0"}
 * (hex, as lspci prints it). The 16-bit requester ID is {@code bus << 8 | dev << 3 | fn}.
 */
public record Bdf(int segment, int bus, int device, int function) implements Comparable<Bdf> {

    private static final Pattern SYNTAX =
            Pattern.compile("(?:([0-9a-fA-F]{1,4}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");

    public Bdf {
        if (segment < 0 || segment > 0xffff || bus < 0 || bus > 0xff || device < 0 || device > 0x1f || function < 0 || function > 7) {
            throw new IllegalArgumentException("BDF out of range: bus 0-ff, device 0-1f, function 0-7");
        }
    }

    public static Bdf parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a PCI address (expected e.g. \"01:00.0\" or \"0000:01:00.0\")");
        }
        int seg = m.group(1) == null ? 0 : Integer.parseInt(m.group(1), 16);
        int dev = Integer.parseInt(m.group(3), 16);
        if (dev > 0x1f) {
            throw new IllegalArgumentException("'" + text + "': device number " + m.group(3) + " is above 1f");
        }
        return new Bdf(seg, Integer.parseInt(m.group(2), 16), dev, Integer.parseInt(m.group(4)));
    }

    /** The 16-bit PCIe requester ID. */
    public int requesterId() {
        return bus << 8 | device << 3 | function;
    }

    @Override
    public int compareTo(Bdf o) {
        return Long.compare(((long) segment << 16) | requesterId(), ((long) o.segment << 16) | o.requesterId());
    }

    /** Linux's {@code pci_name()} form: "0000:01:00.0". */
    public String pciName() {
        return String.format(Locale.ROOT, "%04x:%02x:%02x.%d", segment, bus, device, function);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%02x:%02x.%d", bus, device, function);
    }
}
