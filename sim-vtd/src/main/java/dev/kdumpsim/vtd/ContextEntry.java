package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * A 128-bit legacy-mode context entry, one per devfn, at CTP + 16*devfn (VT-d 3.4.2, 9.3):
 * <pre>
 * lo: P[0]  FPD[1]  TT[3:2]  reserved[11:4]  SLPTPTR[63:12]
 * hi: AW[2:0]  AVAIL[6:3]  reserved[7]  DID[23:8]  reserved[63:24]
 * </pre>
 * FPD is evaluated even when P is 0 (9.3). TT: 00b second-level translation of untranslated
 * requests, 01b the same plus device-TLB (needs ECAP.DT, not modelled), 10b pass-through (needs
 * ECAP.PT), 11b reserved. AW: 1 = 39-bit AGAW (3-level), 2 = 48-bit (4-level), 3 = 57-bit.
 *
 * @param present P
 * @param faultProcessingDisable FPD: qualified faults of requests using this entry are not recorded
 * @param translationType TT
 * @param secondLevelTable SLPTPTR: PA of the top second-level table
 * @param addressWidth AW encoding
 * @param domainId DID: tags this device's IOTLB entries
 */
public record ContextEntry(boolean present, boolean faultProcessingDisable, int translationType,
        long secondLevelTable, int addressWidth, int domainId) {

    public static final int SIZE_BYTES = 16;
    public static final int TT_SECOND_LEVEL = 0;
    public static final int TT_DEVICE_TLB = 1;
    public static final int TT_PASS_THROUGH = 2;
    static final long P = 1;
    static final long FPD = 2;
    static final long RESERVED_LO = 0xff0L;
    static final long RESERVED_HI = 0xffff_ffff_ff00_0080L;

    /** Present entry translating through the second-level table at {@code table}, as Linux's domain_context_mapping_one. */
    public static ContextEntry secondLevel(long table, int agawBits, int domainId) {
        return new ContextEntry(true, false, TT_SECOND_LEVEL, table, addressWidthOf(agawBits), domainId);
    }

    /** Present pass-through entry (identity mapping without tables). */
    public static ContextEntry passThrough(int agawBits, int domainId) {
        return new ContextEntry(true, false, TT_PASS_THROUGH, 0, addressWidthOf(agawBits), domainId);
    }

    public ContextEntry withFaultProcessingDisable(boolean fpd) {
        return new ContextEntry(present, fpd, translationType, secondLevelTable, addressWidth, domainId);
    }

    /** AW encoding of an AGAW in bits (39, 48 or 57). */
    public static int addressWidthOf(int agawBits) {
        switch (agawBits) {
            case 39: return 1;
            case 48: return 2;
            case 57: return 3;
            default: throw new IllegalArgumentException("AGAW must be 39, 48 or 57 bits, got " + agawBits);
        }
    }

    /** AGAW in bits of an AW encoding: 30 + 9*AW. */
    static int agawBitsOf(int aw) {
        return 30 + 9 * aw;
    }

    public long lo() {
        return (present ? P : 0) | (faultProcessingDisable ? FPD : 0) | ((translationType & 3L) << 2)
                | (secondLevelTable & ~0xfffL);
    }

    public long hi() {
        return (addressWidth & 7L) | ((domainId & 0xffffL) << 8);
    }

    /** Writes the entry for {@code devfn} into the context table at {@code contextTable}. */
    public void writeTo(PhysicalMemory mem, int agent, long contextTable, int devfn) {
        long a = contextTable + SIZE_BYTES * (long) (devfn & 0xff);
        mem.writeLong(agent, a, lo());
        mem.writeLong(agent, a + 8, hi());
    }
}
