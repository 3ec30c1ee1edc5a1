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
    V4_0("intel-iommu@4.0", false),

    /**
     * From 091d42e43d21 (v4.2 {@code init_dmars}: "Translation already enabled - trying to copy
     * translation structures", {@code copy_translation_tables}): TE stays on, the old root and
     * context tables are copied (the second-level tables stay the crashed kernel's), old domain IDs
     * are reserved and a device's attach is deferred until its driver first maps DMA
     * ({@code is_attach_deferred}). The old DMA keeps translating into the crashed kernel's memory;
     * nothing faults. If the copy fails the driver falls back to {@link #V4_0}'s path.
     */
    V4_2("intel-iommu@4.2", true);

    private final String specName;
    private final boolean copyTables;

    IntelIommuPolicy(String specName, boolean copyTables) {
        this.specName = specName;
        this.copyTables = copyTables;
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
