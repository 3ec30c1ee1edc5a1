package dev.kdumpsim.kernel.iommu;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * A named behaviour of one IOMMU driver (a kernel release's probe/reset sequence, or a proposed
 * patch), as scenario files name it ({@code kernels.*.iommuDriver}). Each IOMMU model's driver
 * package has one enum implementing this.
 */
@KernelApi
public interface IommuDriverPolicy {

    /** The name scenario files use, e.g. {@code arm-smmu-v3@4.16}. */
    String specName();

    /** The IOMMU model this policy drives, as {@code platform.iommu.model} names it. */
    String model();
}
