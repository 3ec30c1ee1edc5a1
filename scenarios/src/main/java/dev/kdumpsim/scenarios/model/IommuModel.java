package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.core.SpecNamed;

/**
 * The IOMMU hardware model between the PCIe root complex and memory: Arm SMMUv3 (IHI 0070) or
 * Intel VT-d (sim-vtd).
 */
public enum IommuModel implements SpecNamed {
    SMMUV3("smmuv3", "Arm SMMUv3 (IHI 0070): stream table, GBPA, event queue; parameters under platform.smmu"),
    VT_D("vt-d", "Intel VT-d: root/context tables, second-level tables, fault recording, invalidation queue,"
            + " interrupt remapping; parameters under platform.iommu.vtd");

    private final String specName;
    private final String description;

    IommuModel(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String description() {
        return description;
    }

    /** Whether the simulator models this IOMMU. */
    public boolean modelled() {
        return true;
    }
}
