package dev.kdumpsim.smmuv3;

/**
 * Event record types (EventID[7:0]) by their spec mnemonics, IHI0070 §7.3.2-§7.3.21; the same
 * numbering as QEMU's {@code SMMUEventType} and Linux's {@code EVT_ID_*}.
 */
public final class EventId {

    private EventId() {
    }

    public static final int F_UUT = 0x01;
    public static final int C_BAD_STREAMID = 0x02;
    public static final int F_STE_FETCH = 0x03;
    public static final int C_BAD_STE = 0x04;
    public static final int F_BAD_ATS_TREQ = 0x05;
    public static final int F_STREAM_DISABLED = 0x06;
    public static final int F_TRANSL_FORBIDDEN = 0x07;
    public static final int C_BAD_SUBSTREAMID = 0x08;
    public static final int F_CD_FETCH = 0x09;
    public static final int C_BAD_CD = 0x0a;
    public static final int F_WALK_EABT = 0x0b;
    public static final int F_TRANSLATION = 0x10;
    public static final int F_ADDR_SIZE = 0x11;
    public static final int F_ACCESS = 0x12;
    public static final int F_PERMISSION = 0x13;
    public static final int F_TLB_CONFLICT = 0x20;
    public static final int F_CFG_CONFLICT = 0x21;
    public static final int E_PAGE_REQUEST = 0x24;
    public static final int F_VMS_FETCH = 0x25;

    /** The spec mnemonic of {@code id}, "IMPDEF" for 0xE0-0xEF, "RESERVED" otherwise. */
    public static String name(int id) {
        switch (id) {
            case F_UUT: return "F_UUT";
            case C_BAD_STREAMID: return "C_BAD_STREAMID";
            case F_STE_FETCH: return "F_STE_FETCH";
            case C_BAD_STE: return "C_BAD_STE";
            case F_BAD_ATS_TREQ: return "F_BAD_ATS_TREQ";
            case F_STREAM_DISABLED: return "F_STREAM_DISABLED";
            case F_TRANSL_FORBIDDEN: return "F_TRANSL_FORBIDDEN";
            case C_BAD_SUBSTREAMID: return "C_BAD_SUBSTREAMID";
            case F_CD_FETCH: return "F_CD_FETCH";
            case C_BAD_CD: return "C_BAD_CD";
            case F_WALK_EABT: return "F_WALK_EABT";
            case F_TRANSLATION: return "F_TRANSLATION";
            case F_ADDR_SIZE: return "F_ADDR_SIZE";
            case F_ACCESS: return "F_ACCESS";
            case F_PERMISSION: return "F_PERMISSION";
            case F_TLB_CONFLICT: return "F_TLB_CONFLICT";
            case F_CFG_CONFLICT: return "F_CFG_CONFLICT";
            case E_PAGE_REQUEST: return "E_PAGE_REQUEST";
            case F_VMS_FETCH: return "F_VMS_FETCH";
            default: return id >= 0xe0 && id <= 0xef ? "IMPDEF" : "RESERVED";
        }
    }

    /**
     * Whether records of this type carry the transaction fields of dwords 1-3 (§7.3.10-§7.3.14
     * translation faults, F_TRANSL_FORBIDDEN, F_UUT, F_BAD_ATS_TREQ); configuration errors
     * (C_BAD_STREAMID, C_BAD_STE, C_BAD_CD, ...) leave them RES0.
     */
    public static boolean hasTransactionFields(int id) {
        return id == F_UUT || id == F_BAD_ATS_TREQ || id == F_TRANSL_FORBIDDEN || id == F_STREAM_DISABLED
                || (id >= F_TRANSLATION && id <= F_PERMISSION) || id == F_WALK_EABT;
    }
}
