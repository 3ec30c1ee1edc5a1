package dev.kdumpsim.kernel.pci.err;

import dev.kdumpsim.pcie.Bdf;

/**
 * What the PCI core's error recovery sees of the driver bound to a function: {@code struct
 * pci_driver}'s name (which selects its {@code pci_error_handlers}), dev_printk's prefix, and the
 * callbacks ({@code drivers/pci/pcie/err.c} calls them through {@code pdrv->err_handler}), plus the
 * bus operations of 4.19's fatal path (remove, rescan). Declared here so the recovery code does not
 * depend on the device-driver model that implements it.
 */
public interface BoundPciDriver {

    /** {@code pci_driver.name}. */
    String name();

    /** True while the driver is the function's driver (probed and not removed). */
    boolean attached();

    /** dev_printk's prefix while bound ("igb 0000:01:00.0: "). */
    String devPrefix();

    /** {@code ->error_detected}: the driver's vote, after it stops its DMA where the vote says so. */
    PciErsResult errorDetected(PciErrorHandlers h, PciChannelState state);

    /** {@code ->slot_reset}: the driver re-initialises the function after the link reset. */
    PciErsResult slotReset();

    /** {@code ->resume}: traffic restarts. */
    void resume();

    /** {@code pci_stop_and_remove_bus_device}: the driver's remove. */
    void remove();

    /** {@code pci_rescan_bus}: the driver probes again. */
    void reprobe();

    /**
     * dev_printk's prefix for function {@code bdf} whose driver object is {@code d} (or null): the
     * driver's name while it is the device's driver, else the bus's ("pci 0000:01:00.0: ").
     */
    static String devPrefixOf(BoundPciDriver d, int bdf) {
        return d != null && d.attached() ? d.devPrefix() : "pci " + Bdf.pciName(bdf) + ": ";
    }
}
