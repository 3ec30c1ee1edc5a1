package dev.kdumpsim.pcie.tlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TLP header of a memory request or completion, field by field (PCIe r4.0 §2.2.1-§2.2.9).
 *
 * <p>Layout (byte 0 is the high byte of DW0, as AER header logs print it):
 * <pre>
 * DW0  [31:29] Fmt [28:24] Type [22:20] TC [18] Attr[2] (IDO) [15] TD [14] EP
 *      [13:12] Attr[1:0] (RO, NS) [11:10] AT [9:0] Length (DW; 0 = 1024)
 * Request    DW1 [31:16] Requester ID [15:8] Tag [7:4] Last DW BE [3:0] First DW BE
 *            3DW: DW2 Address[31:2]; 4DW: DW2 Address[63:32], DW3 Address[31:2]
 * Completion DW1 [31:16] Completer ID [15:13] Status [12] BCM [11:0] Byte Count (0 = 4096)
 *            DW2 [31:16] Requester ID [15:8] Tag [6:0] Lower Address
 * </pre>
 * T8/T9 extended tag bits, TH, LN and TLP prefixes are not modelled (always 0). Request fields
 * are 0 in a completion and vice versa; {@code status} is null for requests.
 */
public record TlpHeader(TlpType type, boolean fourDw, int tc, boolean td, boolean ep, int attr, int at,
        int lengthDw, int requesterId, int tag, int lastBe, int firstBe, long address, int completerId,
        CompletionStatus status, boolean bcm, int byteCount, int lowerAddress) {

    /** A memory read request. */
    public static TlpHeader memoryRead(int requesterId, int tag, long address, int lengthDw, int attr, int tc) {
        boolean four = (address >>> 32) != 0;
        return new TlpHeader(TlpType.MRd, four, tc, false, false, attr, 0, lengthDw, requesterId, tag,
                lengthDw == 1 ? 0 : 0xf, 0xf, address, 0, null, false, 0, 0);
    }

    /** A completion without data (UR/CA/CRS, or SC for a zero-length read). */
    public static TlpHeader completion(int completerId, CompletionStatus status, int byteCount, int requesterId,
            int tag, int lowerAddress, boolean td, int attr, int tc) {
        return new TlpHeader(TlpType.Cpl, false, tc, td, false, attr, 0, 0, requesterId, tag, 0, 0, 0,
                completerId, status, false, byteCount, lowerAddress);
    }

    // ---- bit-exact encoders usable on hot/error paths without allocating ----------------

    /** DW0 from fields. */
    public static int dw0(TlpType type, boolean fourDw, int tc, boolean td, boolean ep, int attr, int at, int lengthDw) {
        int fmt = (type.withData() ? 2 : 0) | (fourDw ? 1 : 0);
        return (fmt << 29) | (type.typeField() << 24) | ((tc & 7) << 20) | (((attr >>> 2) & 1) << 18)
                | (td ? 1 << 15 : 0) | (ep ? 1 << 14 : 0) | ((attr & 3) << 12) | ((at & 3) << 10) | (lengthDw & 0x3ff);
    }

    /** Completion DW1. */
    public static int completionDw1(int completerId, CompletionStatus status, boolean bcm, int byteCount) {
        return ((completerId & 0xffff) << 16) | (status.code() << 13) | (bcm ? 1 << 12 : 0) | (byteCount & 0xfff);
    }

    /** Completion DW2. */
    public static int completionDw2(int requesterId, int tag, int lowerAddress) {
        return ((requesterId & 0xffff) << 16) | ((tag & 0xff) << 8) | (lowerAddress & 0x7f);
    }

    /** The header as 3 or 4 DWs. */
    public int[] encode() {
        int d0 = dw0(type, fourDw, tc, td, ep, attr, at, lengthDw);
        if (type.isCompletion()) {
            return new int[] {d0, completionDw1(completerId, status, bcm, byteCount),
                completionDw2(requesterId, tag, lowerAddress)};
        }
        int d1 = ((requesterId & 0xffff) << 16) | ((tag & 0xff) << 8) | ((lastBe & 0xf) << 4) | (firstBe & 0xf);
        if (fourDw) {
            return new int[] {d0, d1, (int) (address >>> 32), (int) address & ~3};
        }
        return new int[] {d0, d1, (int) address & ~3};
    }

    /**
     * Decodes DWs as pasted from a log ({@code 0a00a000 00008100 01010100 00000000}): 3 or 4 hex
     * words, with or without {@code 0x}; a single argument holding all words is split on spaces.
     *
     * @throws IllegalArgumentException on a wrong word count, non-hex text or an unsupported type
     */
    public static TlpHeader decode(String... dwords) {
        List<String> words = new ArrayList<>();
        if (dwords != null) {
            for (String s : dwords) {
                if (s != null) {
                    for (String w : s.trim().split("\\s+")) {
                        if (!w.isEmpty()) {
                            words.add(w);
                        }
                    }
                }
            }
        }
        if (words.size() < 3 || words.size() > 4) {
            throw new IllegalArgumentException("expected 3 or 4 TLP header DWs, got " + words.size()
                    + " (paste the words after 'TLP Header:', e.g. 0a00a000 00008100 01010100 00000000)");
        }
        int[] dw = new int[words.size()];
        for (int i = 0; i < dw.length; i++) {
            String w = words.get(i);
            String digits = w.startsWith("0x") || w.startsWith("0X") ? w.substring(2) : w;
            if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("DW" + i + " '" + w + "' is not a 32-bit hex word"
                        + " (expected up to 8 hex digits, e.g. 0a00a000)");
            }
            dw[i] = (int) Long.parseLong(digits, 16);
        }
        return decode(dw);
    }

    /** Decodes 3 or 4 DWs (a 4th DW after a 3-DW header, as header logs hold, is ignored). */
    public static TlpHeader decode(int... dw) {
        if (dw.length < 3 || dw.length > 4) {
            throw new IllegalArgumentException("expected 3 or 4 TLP header DWs, got " + dw.length);
        }
        int d0 = dw[0];
        int fmt = d0 >>> 29;
        int typeField = (d0 >>> 24) & 0x1f;
        TlpType type;
        if (typeField == 0 && fmt <= 1) {
            type = TlpType.MRd;
        } else if (typeField == 0 && (fmt == 2 || fmt == 3)) {
            type = TlpType.MWr;
        } else if (typeField == 0b01010 && fmt == 0) {
            type = TlpType.Cpl;
        } else if (typeField == 0b01010 && fmt == 2) {
            type = TlpType.CplD;
        } else {
            throw new IllegalArgumentException(String.format("unsupported TLP Fmt %s Type %s in DW0 %08x"
                    + " (supported: MRd, MWr, Cpl, CplD)", bin(fmt, 3), bin(typeField, 5), d0));
        }
        boolean four = (fmt & 1) != 0;
        if (four && dw.length < 4) {
            throw new IllegalArgumentException("Fmt " + bin(fmt, 3) + " is a 4-DW header but only 3 DWs were given");
        }
        int tc = (d0 >>> 20) & 7;
        int attr = (((d0 >>> 18) & 1) << 2) | ((d0 >>> 12) & 3);
        boolean td = (d0 & (1 << 15)) != 0;
        boolean ep = (d0 & (1 << 14)) != 0;
        int at = (d0 >>> 10) & 3;
        int rawLen = d0 & 0x3ff;
        int lengthDw = rawLen == 0 && type != TlpType.Cpl ? 1024 : rawLen;
        if (type.isCompletion()) {
            int d1 = dw[1];
            int d2 = dw[2];
            int rawBc = d1 & 0xfff;
            return new TlpHeader(type, false, tc, td, ep, attr, at, lengthDw, d2 >>> 16, (d2 >>> 8) & 0xff, 0, 0, 0,
                    d1 >>> 16, CompletionStatus.ofCode((d1 >>> 13) & 7), (d1 & (1 << 12)) != 0,
                    rawBc == 0 ? 4096 : rawBc, d2 & 0x7f);
        }
        int d1 = dw[1];
        long address = four ? ((dw[2] & 0xffffffffL) << 32) | (dw[3] & 0xfffffffcL) : dw[2] & 0xfffffffcL;
        return new TlpHeader(type, four, tc, td, ep, attr, at, lengthDw, d1 >>> 16, (d1 >>> 8) & 0xff,
                (d1 >>> 4) & 0xf, d1 & 0xf, address, 0, null, false, 0, 0);
    }

    /** "3DW, no data" style description of Fmt. */
    public String fmtText() {
        return (fourDw ? "4DW" : "3DW") + (type.withData() ? ", with data" : ", no data");
    }

    public int fmt() {
        return (type.withData() ? 2 : 0) | (fourDw ? 1 : 0);
    }

    /** Human-readable, multi-line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(type).append(" (Fmt ").append(bin(fmt(), 3)).append(": ").append(fmtText()).append(", Type ")
                .append(bin(type.typeField(), 5)).append(")\n");
        sb.append("  TC ").append(tc).append(", TD ").append(td ? 1 : 0).append(", EP ").append(ep ? 1 : 0)
                .append(", Attr ").append(bin(attr, 3)).append(attrText()).append(", AT ").append(at)
                .append(", Length ").append(lengthDw).append(" DW\n");
        if (type.isCompletion()) {
            sb.append("  Completer ID ").append(rid(completerId)).append(", Status ").append(status)
                    .append(" (").append(statusText()).append("), BCM ").append(bcm ? 1 : 0).append(", Byte Count ")
                    .append(byteCount).append('\n');
            sb.append("  Requester ID ").append(rid(requesterId)).append(", Tag ")
                    .append(String.format("0x%02x", tag)).append(", Lower Address ")
                    .append(String.format("0x%02x", lowerAddress)).append('\n');
        } else {
            sb.append("  Requester ID ").append(rid(requesterId)).append(", Tag ")
                    .append(String.format("0x%02x", tag)).append(", Last BE ").append(bin(lastBe, 4))
                    .append(", First BE ").append(bin(firstBe, 4)).append('\n');
            sb.append("  Address ").append(String.format("0x%x", address)).append('\n');
        }
        return sb.toString();
    }

    /** JSON fields; completion-only keys appear for completions, request-only keys for requests. */
    public Map<String, Object> toJsonFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type.name());
        m.put("fmt", bin(fmt(), 3));
        m.put("headerDw", fourDw ? 4 : 3);
        m.put("withData", type.withData());
        m.put("tc", tc);
        m.put("td", td);
        m.put("ep", ep);
        m.put("attr", bin(attr, 3));
        m.put("relaxedOrdering", (attr & 2) != 0);
        m.put("noSnoop", (attr & 1) != 0);
        m.put("idBasedOrdering", (attr & 4) != 0);
        m.put("at", at);
        m.put("lengthDw", lengthDw);
        m.put("requesterId", rid(requesterId));
        m.put("tag", tag);
        // Every key is always present (null where the type has no such field), so scripts can
        // read .address or .status without first checking the type.
        boolean cpl = type.isCompletion();
        m.put("completerId", cpl ? rid(completerId) : null);
        m.put("status", cpl ? status.name() : null);
        m.put("bcm", cpl ? bcm : null);
        m.put("byteCount", cpl ? byteCount : null);
        m.put("lowerAddress", cpl ? String.format("0x%02x", lowerAddress) : null);
        m.put("firstBe", cpl ? null : bin(firstBe, 4));
        m.put("lastBe", cpl ? null : bin(lastBe, 4));
        m.put("address", cpl ? null : String.format("0x%x", address));
        return m;
    }

    private String attrText() {
        List<String> s = new ArrayList<>();
        if ((attr & 2) != 0) {
            s.add("Relaxed Ordering");
        }
        if ((attr & 1) != 0) {
            s.add("No Snoop");
        }
        if ((attr & 4) != 0) {
            s.add("ID-Based Ordering");
        }
        return s.isEmpty() ? "" : " (" + String.join(", ", s) + ")";
    }

    private String statusText() {
        switch (status) {
            case SC: return "Successful Completion";
            case UR: return "Unsupported Request";
            case CRS: return "Configuration Request Retry Status";
            default: return "Completer Abort";
        }
    }

    private static String bin(int v, int width) {
        String s = Integer.toBinaryString(v | (1 << width));
        return s.substring(s.length() - width);
    }

    /**
     * A requester/completer ID as bus:device.function, the way Linux prints a BDF (the same
     * text as the pcie package's Bdf.format; kept here so the TLP codec depends on nothing above it).
     */
    private static String rid(int id) {
        return String.format(java.util.Locale.ROOT, "%02x:%02x.%x", (id >>> 8) & 0xff, (id >>> 3) & 0x1f, id & 7);
    }
}
