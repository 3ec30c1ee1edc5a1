package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * A 512-bit scalable-mode PASID-table entry (VT-d 9.6), reached through a 64-bit PASID-directory
 * entry (9.5). PASID[19:6] indexes the directory, PASID[5:0] the 64-entry PASID table:
 * <pre>
 * directory entry: P[0]  FPD[1]  reserved[11:2]  SMPTBLPTR[63:12]
 * table entry qw0: P[0]  FPD[1]  AW[4:2]  SLEE[5]  PGTT[8:6]  SLADE[9]  reserved[11:10]  SLPTPTR[63:12]
 *             qw1: DID[15:0] ...     qw2: FLPTPTR and first-level controls ...   qw3-qw7 reserved
 * </pre>
 * PGTT: 001b first-level, 010b second-level, 011b nested, 100b pass-through. This model
 * translates PGTT 010b and 100b; first-level and nested are not advertised (ECAP.FLTS = NEST = 0),
 * so an entry that asks for them is invalid (SPT.4).
 *
 * @param present P
 * @param faultProcessingDisable FPD
 * @param addressWidth AW, as the legacy context entry's (1 = 39-bit, 2 = 48-bit)
 * @param pgtt PASID-granular translation type
 * @param secondLevelTable SLPTPTR
 * @param domainId DID
 */
public record PasidEntry(boolean present, boolean faultProcessingDisable, int addressWidth, int pgtt,
        long secondLevelTable, int domainId) {

    public static final int SIZE_BYTES = 64;
    public static final int DIRECTORY_ENTRY_BYTES = 8;
    public static final int PGTT_FIRST_LEVEL = 1;
    public static final int PGTT_SECOND_LEVEL = 2;
    public static final int PGTT_NESTED = 3;
    public static final int PGTT_PASS_THROUGH = 4;
    static final long DIR_RESERVED = 0xffcL;
    static final long RESERVED_QW0 = 0xc00L;

    /** Second-level-only entry, as Linux's intel_pasid_setup_second_level. */
    public static PasidEntry secondLevel(long table, int agawBits, int domainId) {
        return new PasidEntry(true, false, ContextEntry.addressWidthOf(agawBits), PGTT_SECOND_LEVEL, table, domainId);
    }

    /** Pass-through entry, as Linux's intel_pasid_setup_pass_through. */
    public static PasidEntry passThrough(int agawBits, int domainId) {
        return new PasidEntry(true, false, ContextEntry.addressWidthOf(agawBits), PGTT_PASS_THROUGH, 0, domainId);
    }

    public PasidEntry withFaultProcessingDisable(boolean fpd) {
        return new PasidEntry(present, fpd, addressWidth, pgtt, secondLevelTable, domainId);
    }

    public long qw0() {
        return (present ? 1L : 0) | (faultProcessingDisable ? 2L : 0) | ((addressWidth & 7L) << 2)
                | ((pgtt & 7L) << 6) | (secondLevelTable & ~0xfffL);
    }

    public long qw1() {
        return domainId & 0xffffL;
    }

    /** Writes this entry for {@code pasid} into the PASID table at {@code pasidTable}. */
    public void writeTo(PhysicalMemory mem, int agent, long pasidTable, int pasid) {
        long a = pasidTable + SIZE_BYTES * (long) (pasid & 0x3f);
        mem.writeLong(agent, a, qw0());
        mem.writeLong(agent, a + 8, qw1());
        for (int i = 2; i < 8; i++) {
            mem.writeLong(agent, a + 8L * i, 0);
        }
    }

    /** Writes a present directory entry for {@code pasid} pointing at the PASID table {@code pasidTable}. */
    public static void writeDirectoryEntry(PhysicalMemory mem, int agent, long pasidDirectory, int pasid,
            long pasidTable, boolean fpd) {
        mem.writeLong(agent, pasidDirectory + DIRECTORY_ENTRY_BYTES * (long) ((pasid >>> 6) & 0x3fff),
                1L | (fpd ? 2L : 0) | (pasidTable & ~0xfffL));
    }
}
