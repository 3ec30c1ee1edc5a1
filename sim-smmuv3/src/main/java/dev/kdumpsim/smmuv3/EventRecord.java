package dev.kdumpsim.smmuv3;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One 32-byte event queue record (4 little-endian dwords), bit-exact to IHI0070 §7.3 and Linux's
 * {@code EVTQ_0_*}/{@code EVTQ_1_*} masks:
 * <pre>
 * dw0: EventID[7:0]  SSV[11]  SubstreamID[31:12]  StreamID[63:32]
 * dw1: STAG[15:0]  Stall[31]  PnU[33]  InD[34]  RnW[35] (1 = read)  S2[39]  CLASS[41:40]  TTRnW[44]
 * dw2: InputAddr[63:0]
 * dw3: IPA[51:12] (stage-2 faults) or FetchAddr (fetch faults)
 * </pre>
 * Doubles as the decoder behind {@code kdumpsim decode smmu-event}.
 */
public record EventRecord(long dw0, long dw1, long dw2, long dw3) {

    /** CLASS values (§7.3.10): the fault was on a CD fetch, a translation-table fetch, or the input address. */
    public static final int CLASS_CD = 0;
    public static final int CLASS_TTD = 1;
    public static final int CLASS_IN = 2;

    /** Builds dw0 from its fields. */
    public static long dw0(int eventId, int streamId, boolean ssv, int substreamId) {
        return (eventId & 0xffL) | (ssv ? 1L << 11 : 0) | ((substreamId & 0xfffffL) << 12)
                | ((streamId & 0xffffffffL) << 32);
    }

    /** Builds dw1 from its fields (STAG and TTRnW zero: no stalls, no stage-2 walks here). */
    public static long dw1(boolean read, boolean privileged, boolean instruction, boolean s2, int clazz) {
        return (privileged ? 1L << 33 : 0) | (instruction ? 1L << 34 : 0) | (read ? 1L << 35 : 0)
                | (s2 ? 1L << 39 : 0) | ((clazz & 3L) << 40);
    }

    public int eventId() {
        return (int) (dw0 & 0xff);
    }

    public String eventName() {
        return EventId.name(eventId());
    }

    public boolean ssv() {
        return (dw0 & (1L << 11)) != 0;
    }

    public int substreamId() {
        return (int) ((dw0 >>> 12) & 0xfffff);
    }

    public int streamId() {
        return (int) (dw0 >>> 32);
    }

    public int stag() {
        return (int) (dw1 & 0xffff);
    }

    public boolean stall() {
        return (dw1 & (1L << 31)) != 0;
    }

    public boolean privileged() {
        return (dw1 & (1L << 33)) != 0;
    }

    public boolean instruction() {
        return (dw1 & (1L << 34)) != 0;
    }

    /** RnW: true for a read. */
    public boolean read() {
        return (dw1 & (1L << 35)) != 0;
    }

    public boolean stage2() {
        return (dw1 & (1L << 39)) != 0;
    }

    public int eventClass() {
        return (int) ((dw1 >>> 40) & 3);
    }

    public boolean ttRnW() {
        return (dw1 & (1L << 44)) != 0;
    }

    public long inputAddress() {
        return dw2;
    }

    /** dw3 as IPA[51:12] (stage-2 faults). */
    public long ipa() {
        return dw3 & 0x000f_ffff_ffff_f000L;
    }

    public long fetchAddress() {
        return dw3;
    }

    public long[] dwords() {
        return new long[] {dw0, dw1, dw2, dw3};
    }

    private static String className(int c) {
        switch (c) {
            case CLASS_CD: return "CD";
            case CLASS_TTD: return "TTD";
            case CLASS_IN: return "IN";
            default: return "RESERVED";
        }
    }

    /**
     * Parses four dwords as printed by Linux ("0x%016llx") or typed by hand: hex with or without
     * "0x". Bare digit strings are read as hex, since every dword Linux prints is hex; a bare
     * "0" (the usual way to type an all-zero dword) is zero either way.
     *
     * @throws IllegalArgumentException on a wrong count or a token that is not a 64-bit number
     */
    public static EventRecord decode(String... dwords) {
        if (dwords == null || dwords.length != 4) {
            throw new IllegalArgumentException("an SMMUv3 event record has 4 dwords, got "
                    + (dwords == null ? 0 : dwords.length)
                    + " (hint: pass the four lines Linux prints after \"event 0x.. received:\","
                    + " e.g. 0x0000010000000002 0 0 0)");
        }
        long[] v = new long[4];
        for (int i = 0; i < 4; i++) {
            v[i] = parseDword(dwords[i], i);
        }
        return new EventRecord(v[0], v[1], v[2], v[3]);
    }

    private static long parseDword(String token, int index) {
        String t = token == null ? "" : token.trim();
        String digits = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
        if (digits.isEmpty() || digits.length() > 16 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("dword " + index + " \"" + token
                    + "\" is not a 64-bit hex number (hint: up to 16 hex digits, with or without 0x)");
        }
        return Long.parseUnsignedLong(digits, 16);
    }

    /** Human-readable, multi-line. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("event 0x%02x %s%n", eventId(), eventName()));
        b.append(String.format("  dwords       0x%016x 0x%016x 0x%016x 0x%016x%n", dw0, dw1, dw2, dw3));
        b.append(String.format("  StreamID     0x%x%n", streamId()));
        b.append(String.format("  SubstreamID  %s%n", ssv() ? String.format("0x%x", substreamId()) : "none (SSV=0)"));
        if (EventId.hasTransactionFields(eventId())) {
            b.append(String.format("  access       %s, %s, %s%n", read() ? "read" : "write",
                    privileged() ? "privileged" : "unprivileged", instruction() ? "instruction" : "data"));
            b.append(String.format("  stage        %s, CLASS %s%n", stage2() ? "2" : "1", className(eventClass())));
            b.append(String.format("  InputAddr    0x%016x%n", dw2));
            if (stage2()) {
                b.append(String.format("  IPA          0x%016x%n", ipa()));
            } else if (eventId() == EventId.F_WALK_EABT) {
                b.append(String.format("  FetchAddr    0x%016x%n", dw3));
            }
        } else if (dw1 != 0 || dw2 != 0 || dw3 != 0) {
            b.append(String.format("  note         dwords 1-3 are RES0 for %s but not zero%n", eventName()));
        }
        return b.toString();
    }

    /** JSON fields in a fixed order; hex values as "0x..." strings. */
    public Map<String, Object> toJsonFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.format("0x%02x", eventId()));
        m.put("name", eventName());
        m.put("streamId", "0x" + Integer.toHexString(streamId()));
        m.put("ssv", ssv());
        m.put("substreamId", "0x" + Integer.toHexString(substreamId()));
        m.put("read", read());
        m.put("privileged", privileged());
        m.put("instruction", instruction());
        m.put("stage2", stage2());
        m.put("class", className(eventClass()));
        m.put("stall", stall());
        m.put("stag", "0x" + Integer.toHexString(stag()));
        m.put("inputAddress", String.format("0x%016x", dw2));
        m.put("ipa", String.format("0x%016x", ipa()));
        m.put("dwords", java.util.List.of(String.format("0x%016x", dw0), String.format("0x%016x", dw1),
                String.format("0x%016x", dw2), String.format("0x%016x", dw3)));
        return m;
    }
}
