package dev.kdumpsim.pcie;

/** What Linux waits for after deasserting Secondary Bus Reset (drivers/pci/pci.c). */
public enum SbrWaitPolicy {
    /** v4.19 pci_reset_secondary_bus(): {@code ssleep(1)} (Trhfa, "2^25 clock cycles"), then pci_dev_wait(). */
    V4_19_SSLEEP_1S,
    /**
     * v6.x pci_bridge_wait_for_secondary_bus() for a port with DLLLA reporting: wait for Data Link
     * Layer Link Active, then the 100 ms delay, then pci_dev_wait().
     */
    V6_LINK_ACTIVE_WAIT
}
