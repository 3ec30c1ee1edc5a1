package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.core.SpecNamed;

/**
 * The CPU architecture of the machine: which kernel code paths (crashkernel= placement, kexec
 * purgatory, the IOMMU driver family) the kernels run: arm64 or x86_64.
 */
public enum Arch implements SpecNamed {
    ARM64("arm64", "AArch64: arm64 reserve_crashkernel, SMMUv3 behind the PCIe root complex (the 2018 report's machine)"),
    X86_64("x86_64", "x86-64: arch/x86 reserve_crashkernel (below 4 GiB, ,high with a low region), MSIs to 0xfee00000,"
            + " an Intel VT-d unit behind the root complex");

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
        return true;
    }
}
