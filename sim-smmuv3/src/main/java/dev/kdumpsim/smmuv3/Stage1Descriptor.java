package dev.kdumpsim.smmuv3;

/**
 * Stage-1 VMSAv8-64 translation table descriptors (Arm ARM D8.3; the bits Linux's
 * {@code io-pgtable-arm.c} sets as {@code ARM_LPAE_PTE_*}):
 * <pre>
 * [1:0] 0b11 table (levels 0-2) / page (level 3), 0b01 block, bit0 = 0 invalid
 * [4:2] AttrIndx  [5] NS  [6] AP[1] (EL0 access)  [7] AP[2] (read-only)  [9:8] SH  [10] AF
 * [47:12] next-level table / output address (64K granule: [47:16])  [53] PXN  [54] UXN/XN
 * </pre>
 */
public final class Stage1Descriptor {

    private Stage1Descriptor() {
    }

    public static final long VALID = 1L;
    public static final long TYPE_TABLE_OR_PAGE = 1L << 1;
    public static final long AP_UNPRIV = 1L << 6;
    public static final long AP_RDONLY = 1L << 7;
    public static final long SH_IS = 3L << 8;
    public static final long AF = 1L << 10;
    public static final long XN = 1L << 54;
    /** AttrIndx 1: Linux's {@code ARM_LPAE_MAIR_ATTR_IDX_CACHE}. */
    public static final long ATTRINDX_CACHE = 1L << 2;
    static final long ADDRESS_MASK = 0x0000_ffff_ffff_f000L;

    /** Table descriptor pointing at {@code nextTable}. */
    public static long table(long nextTable) {
        return (nextTable & ADDRESS_MASK) | TYPE_TABLE_OR_PAGE | VALID;
    }

    /** Level-3 page descriptor as io-pgtable-arm builds one for a DMA mapping (AF, inner shareable, unprivileged). */
    public static long page(long outputAddress, boolean writable) {
        return (outputAddress & ADDRESS_MASK) | TYPE_TABLE_OR_PAGE | VALID | AF | SH_IS | AP_UNPRIV
                | ATTRINDX_CACHE | (writable ? 0 : AP_RDONLY) | XN;
    }

    /** Block descriptor (levels 1-2) for {@code outputAddress}. */
    public static long block(long outputAddress, boolean writable) {
        return (outputAddress & ADDRESS_MASK) | VALID | AF | SH_IS | AP_UNPRIV | ATTRINDX_CACHE
                | (writable ? 0 : AP_RDONLY) | XN;
    }

    public static boolean isValid(long d) {
        return (d & VALID) != 0;
    }

    /** Bit 1 set: a table at levels 0-2, a page at level 3. */
    public static boolean isTableOrPage(long d) {
        return (d & TYPE_TABLE_OR_PAGE) != 0;
    }

    public static boolean accessFlag(long d) {
        return (d & AF) != 0;
    }

    public static boolean readOnly(long d) {
        return (d & AP_RDONLY) != 0;
    }

    /** Output (or next-table) address bits [47:granule shift]. */
    public static long address(long d, TranslationGranule g) {
        return d & ADDRESS_MASK & -(1L << g.pageShift());
    }
}
