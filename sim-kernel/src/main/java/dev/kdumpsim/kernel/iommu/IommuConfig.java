package dev.kdumpsim.kernel.iommu;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * The IOMMU of a machine, one record per model with that model's hardware parameters. Sealed:
 * every model is listed here and built in {@code machine.IommuModels}, the one registration point.
 */
@KernelApi
public sealed interface IommuConfig permits SmmuV3Config, VtdConfig {

    /** {@code platform.iommu.model}. */
    String model();
}
