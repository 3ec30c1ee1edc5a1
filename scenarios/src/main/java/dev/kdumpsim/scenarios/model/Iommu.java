package dev.kdumpsim.scenarios.model;

import java.util.Optional;

/** Which IOMMU the platform has: the switch point between IOMMU models. */
@Doc("The IOMMU between the PCIe root complex and memory (absent: smmuv3)")
public record Iommu(
        @Doc(value = "IOMMU hardware model: smmuv3 (parameters under platform.smmu) or vt-d (under vtd)", dflt = "smmuv3") IommuModel model,
        @Doc("Intel VT-d unit parameters (model vt-d)") Optional<Vtd> vtd) {

    /** An IOMMU of {@code model} with default parameters. */
    public Iommu(IommuModel model) {
        this(model, Optional.empty());
    }
}
