package dev.kdumpsim.pcie.tlp;

/**
 * The TLP kinds this model carries, with their Fmt[2:0]/Type[4:0] encodings
 * (PCIe r4.0 §2.2.1 Table 2-3). Fmt bit 0 selects a 4-DW header (64-bit address) for
 * memory requests; completions always have 3-DW headers.
 */
public enum TlpType {
    /** Memory Read Request: Fmt 000 (3DW) / 001 (4DW), Type 0 0000. */
    MRd(0b00000, false),
    /** Memory Write Request: Fmt 010 (3DW) / 011 (4DW), Type 0 0000. */
    MWr(0b00000, true),
    /** Completion without data: Fmt 000, Type 0 1010. */
    Cpl(0b01010, false),
    /** Completion with data: Fmt 010, Type 0 1010. */
    CplD(0b01010, true);

    private final int typeField;
    private final boolean withData;

    TlpType(int typeField, boolean withData) {
        this.typeField = typeField;
        this.withData = withData;
    }

    /** The 5-bit Type field. */
    public int typeField() {
        return typeField;
    }

    /** Whether Fmt bit 1 (with data) is set. */
    public boolean withData() {
        return withData;
    }

    public boolean isCompletion() {
        return typeField == 0b01010;
    }
}
