package dev.kdumpsim.scenarios.model;

import java.util.List;
import java.util.Optional;

/**
 * The machine the two kernels run on. {@code arch} and {@code iommu} are the switch points for
 * other architectures and IOMMU models; both are optional so files that leave them out (every
 * file written before they existed) read, run and report exactly as before.
 */
@Doc("The machine: architecture, DRAM banks, the IOMMU and the PCIe hierarchy behind it")
public record Platform(
        @Doc("CPU architecture (absent: arm64; x86_64 is reserved: refused until modelled)") Optional<Arch> arch,
        @Doc(value = "DRAM banks as firmware reports them (must not overlap)", dflt = "[{base: '0x0', size: 16GiB}]") List<DramBank> dram,
        @Doc("Which IOMMU model (absent: smmuv3)") Optional<Iommu> iommu,
        @Doc("SMMUv3 parameters (ID registers and reset state)") Smmu smmu,
        @Doc("PCIe root complex, StreamID mapping and topology") Pcie pcie,
        @Doc("RAS: firmware-first severity, SError on aborted DMA (absent: the device's severity decides, no SError)")
        Optional<Ras> ras) {

    public Platform {
        dram = List.copyOf(dram);
    }

    /** The platform of an arm64 machine with an SMMUv3 (the form before arch and iommu existed). */
    public Platform(List<DramBank> dram, Smmu smmu, Pcie pcie) {
        this(Optional.empty(), dram, Optional.empty(), smmu, pcie, Optional.empty());
    }

    /** A platform without RAS settings (the form before ras existed). */
    public Platform(Optional<Arch> arch, List<DramBank> dram, Optional<Iommu> iommu, Smmu smmu, Pcie pcie) {
        this(arch, dram, iommu, smmu, pcie, Optional.empty());
    }

    /** The architecture, arm64 when the file does not say. */
    public Arch effectiveArch() {
        return arch.orElse(Arch.ARM64);
    }

    /** The IOMMU model, smmuv3 when the file does not say. */
    public IommuModel iommuModel() {
        return iommu.map(Iommu::model).orElse(IommuModel.SMMUV3);
    }
}
