package dev.kdumpsim.kernel.version;

/**
 * What a kernel does at enumeration with the AER status a previous kernel's devices left logged
 * ({@code pci_aer_init}, called from {@code pci_init_capabilities}, drivers/pci/probe.c).
 */
public enum AerStaleStatus {
    /**
     * The wave-1 model, for scenarios that name no release: the status is printed at PCI
     * enumeration, as the 2018 report's lines appear, then cleared.
     */
    REPORTED_AT_ENUMERATION,
    /**
     * 4.14 {@code pci_aer_init} -> {@code pci_cleanup_aer_error_status_regs}: Uncorrectable and
     * Correctable Status (and a Root Port's Root Error Status) cleared silently, even where firmware
     * owns AER. The first release with it predates 4.14 and is not pinned.
     */
    CLEARED_ALWAYS,
    /** 4.19: the same, but {@code return -EIO} when {@code pcie_aer_get_firmware_first(dev)}: firmware's status is left alone. */
    CLEARED_IF_NATIVE
}
