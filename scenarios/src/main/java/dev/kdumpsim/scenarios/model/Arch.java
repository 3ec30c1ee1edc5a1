package dev.kdumpsim.scenarios.model;

/**
 * The CPU architecture of the machine: which kernel code paths (crashkernel= placement, kexec
 * purgatory, the IOMMU driver family) the kernels run. Only arm64 is modelled; x86_64 is part of
 * the format so files can name it, and is refused at load until its model lands.
 */
public enum Arch implements SpecName {
    ARM64("arm64", "AArch64: arm64 reserve_crashkernel, SMMUv3 behind the PCIe root complex (the 2018 report's machine)"),
    X86_64("x86_64", "x86-64 (reserved: not yet modelled)");

    private final String specName;
    private final String description;

    Arch(String specName, String description) {
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

    /** Whether the simulator models this architecture. */
    public boolean modelled() {
        return this == ARM64;
    }
}
