package dev.kdumpsim.kernel.iommu;

/**
 * The IOMMU of a machine, one record per model with that model's hardware parameters. Sealed:
 * every model is listed here and built in {@code machine.IommuModels}, the one registration point.
 */
public sealed interface IommuConfig permits SmmuV3Config, VtdConfig {

    /** {@code platform.iommu.model}. */
    String model();
}
