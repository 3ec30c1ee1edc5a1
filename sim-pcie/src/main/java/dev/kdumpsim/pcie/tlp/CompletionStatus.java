package dev.kdumpsim.pcie.tlp;

/** Completion Status field values (PCIe r4.0 §2.2.9 Table 2-34). */
public enum CompletionStatus {
    /** 000b Successful Completion. */
    SC(0b000),
    /** 001b Unsupported Request. */
    UR(0b001),
    /** 010b Configuration Request Retry Status (RRS in r5.0+). */
    CRS(0b010),
    /** 100b Completer Abort. */
    CA(0b100);

    private final int code;

    CompletionStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Status for a 3-bit code; reserved codes throw. */
    public static CompletionStatus ofCode(int code) {
        switch (code) {
            case 0b000: return SC;
            case 0b001: return UR;
            case 0b010: return CRS;
            case 0b100: return CA;
            default:
                throw new IllegalArgumentException("reserved Completion Status " + Integer.toBinaryString(code | 8).substring(1)
                        + "b (defined: 000 SC, 001 UR, 010 CRS, 100 CA)");
        }
    }
}
