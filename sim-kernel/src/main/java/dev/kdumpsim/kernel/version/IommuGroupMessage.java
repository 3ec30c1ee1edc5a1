package dev.kdumpsim.kernel.version;

/** The line drivers/iommu/iommu.c prints when a device joins an IOMMU group. */
public enum IommuGroupMessage {
    /** {@code pr_info("Adding device %s to group %d\n", dev_name(dev), group->id)} with the "iommu: " pr_fmt. */
    ADDING_DEVICE_TO_GROUP,
    /** {@code dev_info(dev, "Adding to iommu group %d\n", group->id)}: the device's own prefix. */
    ADDING_TO_IOMMU_GROUP
}
