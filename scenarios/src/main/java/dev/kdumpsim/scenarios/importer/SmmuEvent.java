package dev.kdumpsim.scenarios.importer;

import java.util.List;

/**
 * An SMMUv3 event record as arm-smmu-v3's event thread prints it ({@code event 0x02 received:}
 * and four {@code \t0x%016llx} lines; Linux v4.16 drivers/iommu/arm-smmu-v3.c,
 * arm_smmu_evtq_thread). The StreamID is bits [63:32] of dword 0 (IHI 0070, section 7.3).
 */
public record SmmuEvent(int id, List<Long> dwords, LogLine header) {

    /** The event's StreamID (dword 0 bits [63:32]), or -1 when the dwords were not all printed. */
    public long streamId() {
        return dwords.isEmpty() ? -1 : dwords.get(0) >>> 32;
    }
}
