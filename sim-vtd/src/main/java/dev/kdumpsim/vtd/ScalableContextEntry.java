package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * A 256-bit scalable-mode context entry (VT-d 3.4.3, 9.4). The lower context table holds devfn
 * 0-127 and the upper one devfn 128-255, 32 bytes each:
 * <pre>
 * qw0: P[0]  FPD[1]  DTE[2]  PASIDE[3]  PRE[4]  reserved[8:5]  PDTS[11:9]  PASIDDIRPTR[63:12]
 * qw1: RID_PASID[19:0]  RID_PRIV[20]  reserved[63:21]
 * qw2, qw3: reserved
 * </pre>
 * The PASID directory has 2^(PDTS+7) entries. Requests without PASID (all that this model's
 * devices send) use the PASID-table entry of RID_PASID; Linux programs RID_PASID = 0
 * ({@code IOMMU_NO_PASID}).
 *
 * @param present P
 * @param faultProcessingDisable FPD
 * @param deviceTlbEnable DTE (needs ECAP.DT: not modelled, so 1 is an invalid entry)
 * @param pasidEnable PASIDE (needs ECAP.PASID: not modelled)
 * @param pageRequestEnable PRE (needs ECAP.PRS: not modelled)
 * @param pasidDirectorySize PDTS
 * @param pasidDirectory PASIDDIRPTR
 * @param ridPasid RID_PASID
 */
public record ScalableContextEntry(boolean present, boolean faultProcessingDisable, boolean deviceTlbEnable,
        boolean pasidEnable, boolean pageRequestEnable, int pasidDirectorySize, long pasidDirectory, int ridPasid) {

    public static final int SIZE_BYTES = 32;
    static final long RESERVED_QW0 = 0x1e0L;
    static final long RESERVED_QW1 = 0xffff_ffff_ffe0_0000L;

    /** Present entry for requests without PASID, as Linux's context_entry_set_pasid_table with PDTS. */
    public static ScalableContextEntry forRidPasid(long pasidDirectory, int pasidDirectorySize, int ridPasid) {
        return new ScalableContextEntry(true, false, false, false, false, pasidDirectorySize, pasidDirectory, ridPasid);
    }

    public ScalableContextEntry withFaultProcessingDisable(boolean fpd) {
        return new ScalableContextEntry(present, fpd, deviceTlbEnable, pasidEnable, pageRequestEnable,
                pasidDirectorySize, pasidDirectory, ridPasid);
    }

    public long qw0() {
        return (present ? 1L : 0) | (faultProcessingDisable ? 2L : 0) | (deviceTlbEnable ? 4L : 0)
                | (pasidEnable ? 8L : 0) | (pageRequestEnable ? 16L : 0) | ((pasidDirectorySize & 7L) << 9)
                | (pasidDirectory & ~0xfffL);
    }

    public long qw1() {
        return ridPasid & 0xfffffL;
    }

    /** Writes the entry for {@code devfn}; {@code lowerTable}/{@code upperTable} are the root entry's LCTP/UCTP. */
    public void writeTo(PhysicalMemory mem, int agent, long lowerTable, long upperTable, int devfn) {
        long a = ((devfn & 0x80) == 0 ? lowerTable : upperTable) + SIZE_BYTES * (long) (devfn & 0x7f);
        mem.writeLong(agent, a, qw0());
        mem.writeLong(agent, a + 8, qw1());
        mem.writeLong(agent, a + 16, 0);
        mem.writeLong(agent, a + 24, 0);
    }
}
