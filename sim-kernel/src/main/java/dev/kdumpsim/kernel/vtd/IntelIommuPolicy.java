package dev.kdumpsim.kernel.vtd;

import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.iommu.VtdConfig;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the intel-iommu driver of a kdump kernel does with a DMAR unit it finds translating
 * (GSTS.TES set by the crashed kernel), as scenario files name it ({@code kernels.*.iommuDriver}).
 */
public enum IntelIommuPolicy implements IommuDriverPolicy {

    /**
     * Before 091d42e43d21 (v4.0/v4.1 drivers/iommu/intel-iommu.c {@code intel_iommu_init}: "Disable
     * translation if already enabled prior to OS handover"): TE is cleared, {@code init_dmars}
     * programs a fresh, empty root table and enables translation again. While TE is off the old
     * DMA passes untranslated; afterwards every request of a device not yet attached faults (root
     * or context entry not present) until its kdump driver maps DMA.
     */
    V4_0("intel-iommu@4.0", false, CopyFormat.ECS, false),

    /**
     * From 091d42e43d21 (v4.2 {@code init_dmars}: "Translation already enabled - trying to copy
     * translation structures", {@code copy_translation_tables}): TE stays on, the old root and
     * context tables are copied (the second-level tables stay the crashed kernel's), old domain IDs
     * are reserved and a device's attach is deferred until its driver first maps DMA
     * ({@code is_attach_deferred}). The old DMA keeps translating into the crashed kernel's memory;
     * nothing faults. If the copy fails the driver falls back to {@link #V4_0}'s path. The copy
     * knows the VT-d 2.x extended (ECS) format only, so a scalable-mode table is copied as a legacy
     * one ({@link TranslationTableCopy}).
     */
    V4_2("intel-iommu@4.2", true, CopyFormat.ECS, false),

    /**
     * From 0c5f6c0d8201 "iommu/vt-d: Fix kdump kernels boot failure with scalable mode" (v6.0;
     * 5.15.69, 5.19.10): {@link #V4_2} with the copy taught the scalable-mode format and copied
     * entries marked in a per-IOMMU bitmap. A root table whose type differs from the one this
     * kernel will program (scalable in the crashed kernel, legacy here, or the reverse) is still
     * the -EINVAL bail-out. Keeps {@code copy_context_table}'s upper-table slot bug.
     */
    V6_0("intel-iommu@6.0", true, CopyFormat.SCALABLE, false),

    /**
     * {@link #V6_0} with Desnes Nunes's "[PATCH v2] iommu/vt-d: Fix UCTP context table slot when
     * copying root entries" (&lt;20260629144837.3244851-1-desnesn@redhat.com&gt;, June 2026;
     * Reviewed-by Samiullah Khawaja, Tested-by Tao Liu): a bus whose old root entry has only an
     * upper context table gets its copy as the upper table. Not merged when this was written, so no
     * release selects it: name it in {@code kernels.*.iommuDriver}.
     */
    UCTP_SLOT_FIX("intel-iommu@uctp-slot-fix", true, CopyFormat.SCALABLE, true);

    /** Which context formats {@code copy_translation_tables} understands and how it marks copies. */
    public enum CopyFormat {
        /** v4.2-v5.19: legacy and the VT-d 2.x extended format (RTADDR.RTT, ECAP.ECS); bit 67 marks a copy. */
        ECS,
        /** 0c5f6c0d8201: legacy and scalable mode (RTADDR.SMT, sm_supported); a bitmap marks copies. */
        SCALABLE
    }

    private final String specName;
    private final boolean copyTables;
    private final CopyFormat copyFormat;
    private final boolean uctpSlotFix;

    IntelIommuPolicy(String specName, boolean copyTables, CopyFormat copyFormat, boolean uctpSlotFix) {
        this.specName = specName;
        this.copyTables = copyTables;
        this.copyFormat = copyFormat;
        this.uctpSlotFix = uctpSlotFix;
    }

    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String model() {
        return VtdConfig.MODEL;
    }

    /** Whether a kdump kernel copies the crashed kernel's translation tables. */
    public boolean copyTables() {
        return copyTables;
    }

    public CopyFormat copyFormat() {
        return copyFormat;
    }

    /** Whether {@code copy_context_table} stores an upper-only bus's table in the upper slot (the 2026 patch). */
    public boolean uctpSlotFix() {
        return uctpSlotFix;
    }

    /** The policy with {@code name} (e.g. {@code intel-iommu@4.2}); IllegalArgumentException listing the known ones. */
    public static IntelIommuPolicy bySpecName(String name) {
        for (IntelIommuPolicy p : values()) {
            if (p.specName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown intel-iommu driver policy '" + name + "'; known: "
                + Arrays.stream(values()).map(IntelIommuPolicy::specName).collect(Collectors.joining(", ")));
    }
}
