package dev.kdumpsim.kernel.iommu;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.smmuv3.SmmuParameters;

/**
 * An Arm SMMUv3 (IHI0070) behind the root complex.
 *
 * @param parameters the implementation's ID registers, latencies and caches
 * @param evtqMaxShift the drivers' {@code EVTQ_MAX_SZ_SHIFT} (log2 of event queue entries; 7 in
 *     early 4.x drivers/iommu/arm-smmu-v3.c)
 */
@KernelApi
public record SmmuV3Config(SmmuParameters parameters, int evtqMaxShift) implements IommuConfig {

    public static final String MODEL = "smmuv3";

    @Override
    public String model() {
        return MODEL;
    }
}
