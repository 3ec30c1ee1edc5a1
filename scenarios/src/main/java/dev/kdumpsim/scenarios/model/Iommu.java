package dev.kdumpsim.scenarios.model;

/** Which IOMMU the platform has: the switch point between IOMMU models. */
@Doc("The IOMMU between the PCIe root complex and memory (absent: smmuv3)")
public record Iommu(
        @Doc(value = "IOMMU hardware model (vt-d is reserved: refused until modelled)", dflt = "smmuv3") IommuModel model) {
}
