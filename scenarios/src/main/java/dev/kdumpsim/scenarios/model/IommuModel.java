package dev.kdumpsim.scenarios.model;

/**
 * The IOMMU hardware model between the PCIe root complex and memory. SMMUv3 (Arm IHI 0070) is
 * modelled; Intel VT-d is part of the format and refused at load until its model lands.
 */
public enum IommuModel implements SpecName {
    SMMUV3("smmuv3", "Arm SMMUv3 (IHI 0070): stream table, GBPA, event queue; parameters under platform.smmu"),
    VT_D("vt-d", "Intel VT-d (reserved: not yet modelled)");

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
        return this == SMMUV3;
    }
}
