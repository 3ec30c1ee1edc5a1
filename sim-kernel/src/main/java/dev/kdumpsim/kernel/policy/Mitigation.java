package dev.kdumpsim.kernel.policy;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.SpecNamed;

/**
 * Mitigations from the 2018 thread and its history (docs/model-kernel.md). Each is applied by
 * the part of the kernel that would run it; see docs/model-kernel.md.
 */
@KernelApi
public enum Mitigation implements SpecNamed {
    /**
     * Kernel #1 reserves the crashkernel range in every DMA domain's IOVA space (Sinan Kaya's
     * "SMMUv3 driver to reserve the kdump used IOVA addresses", the seed thread), so no IOVA ever
     * equals a crashkernel physical address.
     */
    IOVA_RESERVE_CRASHKERNEL("iova-reserve-crashkernel", "kernel #1's IOVA allocator never hands out IOVAs inside the crashkernel range"),
    /** pcie_flr() of every FLR-capable endpoint function early in the kdump boot (Indoh 2012-13). */
    FLR_ALL("flr-all", "Function Level Reset of every FLR-capable endpoint early in kdump boot, before the SMMU probe"),
    /** Secondary Bus Reset below every root port early in the kdump boot (Indoh's hot reset, lkml 2012/8/3/160). */
    SBR_ALL("sbr-all", "Secondary Bus Reset below every root port early in kdump boot, before the SMMU probe"),
    /** Clear Bus Master Enable of every endpoint function early in the kdump boot (the seed thread). */
    CLEAR_BME_ALL("clear-bme-all", "clear Bus Master Enable of every endpoint early in kdump boot, before the SMMU probe"),
    /**
     * An orderly kexec instead of a crash: device_shutdown() runs pci_device_shutdown(), which
     * clears Bus Master Enable while kexec_in_progress (drivers/pci/pci-driver.c), and the SMMU's
     * shutdown disables it (arm_smmu_device_shutdown).
     */
    KEXEC_NORMAL("kexec-normal", "orderly kexec instead of a crash: drivers shut down, BME cleared, SMMU disabled before the jump");

    private final String specName;
    private final String description;

    Mitigation(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    /** The name scenario files use ({@code mitigations:}). */
    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String description() {
        return description;
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
