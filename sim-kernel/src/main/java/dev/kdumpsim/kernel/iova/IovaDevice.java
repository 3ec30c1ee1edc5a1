package dev.kdumpsim.kernel.iova;

/**
 * The per-device DMA state dma-iommu.c consults: whether it is a PCI device, its
 * {@code dev_printk} prefix, and (v6.4+) {@code dev->iommu->pci_32bit_workaround}, which a
 * failed 32-bit attempt clears for good.
 */
public final class IovaDevice {

    private final String devPrefix;
    private final boolean pci;
    private boolean pci32BitWorkaround;

    /**
     * @param devPrefix the {@code dev_printk} prefix, e.g. {@code "nvme 0000:01:00.0: "}
     * @param pci       {@code dev_is_pci(dev)}
     */
    public IovaDevice(String devPrefix, boolean pci) {
        this.devPrefix = devPrefix;
        this.pci = pci;
        this.pci32BitWorkaround = pci; // iommu_probe_device: dev_is_pci(dev) && !iommu_dma_forcedac
    }

    public String devPrefix() {
        return devPrefix;
    }

    public boolean pci() {
        return pci;
    }

    /** v6.4+: still tries below 4 GiB first. */
    public boolean pci32BitWorkaround() {
        return pci32BitWorkaround;
    }

    void stopPci32BitWorkaround() {
        pci32BitWorkaround = false;
    }
}
