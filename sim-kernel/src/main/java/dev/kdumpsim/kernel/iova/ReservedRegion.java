package dev.kdumpsim.kernel.iova;

import dev.kdumpsim.core.AddressRange;

/**
 * An IOMMU reserved region as {@code iommu_get_resv_regions} reports it (include/linux/iommu.h
 * {@code enum iommu_resv_type}).
 */
record ReservedRegion(AddressRange range, Type type) {

    /** arm-smmu-v3's software-managed MSI window: {@code MSI_IOVA_BASE}. */
    public static final long MSI_IOVA_BASE = 0x08000000L;
    /** {@code MSI_IOVA_LENGTH}. */
    public static final long MSI_IOVA_LENGTH = 0x100000L;

    /** {@code enum iommu_resv_type}. */
    public enum Type { DIRECT, DIRECT_RELAXABLE, RESERVED, MSI, SW_MSI }

    /** The region arm_smmu_get_resv_regions adds for every device (IOMMU_RESV_SW_MSI). */
    public static ReservedRegion armSmmuSwMsi() {
        return new ReservedRegion(new AddressRange(MSI_IOVA_BASE, MSI_IOVA_LENGTH), Type.SW_MSI);
    }
}
