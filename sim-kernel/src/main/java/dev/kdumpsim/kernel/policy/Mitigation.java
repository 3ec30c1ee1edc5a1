package dev.kdumpsim.kernel.policy;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * Mitigations from the 2018 thread and its history (docs/model-kernel.md). Each is applied by
 * the part of the kernel that would run it; see docs/model-kernel.md.
 */
@KernelApi
public enum Mitigation {
    /**
     * Kernel #1 reserves the crashkernel range in every DMA domain's IOVA space (Sinan Kaya's
     * "SMMUv3 driver to reserve the kdump used IOVA addresses", the seed thread), so no IOVA ever
     * equals a crashkernel physical address.
     */
    IOVA_RESERVE_CRASHKERNEL("iova-reserve-crashkernel"),
    /** pcie_flr() of every FLR-capable endpoint function early in the kdump boot (Indoh 2012-13). */
    FLR_ALL("flr-all"),
    /** Secondary Bus Reset below every root port early in the kdump boot (Indoh's hot reset, lkml 2012/8/3/160). */
    SBR_ALL("sbr-all"),
    /** Clear Bus Master Enable of every endpoint function early in the kdump boot (the seed thread). */
    CLEAR_BME_ALL("clear-bme-all"),
    /**
     * An orderly kexec instead of a crash: device_shutdown() runs pci_device_shutdown(), which
     * clears Bus Master Enable while kexec_in_progress (drivers/pci/pci-driver.c), and the SMMU's
     * shutdown disables it (arm_smmu_device_shutdown).
     */
    KEXEC_NORMAL("kexec-normal");

    private final String specName;

    Mitigation(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    public static Mitigation bySpecName(String name) {
        for (Mitigation m : values()) {
            if (m.specName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mitigation '" + name + "'");
    }
}
