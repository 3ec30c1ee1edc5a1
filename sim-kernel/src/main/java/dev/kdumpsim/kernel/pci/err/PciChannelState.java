package dev.kdumpsim.kernel.pci.err;

/**
 * The state the PCI core tells drivers their device's channel is in ({@code pci_channel_state_t},
 * include/linux/pci.h): {@code io_normal} for a non-fatal error, {@code io_frozen} for a fatal
 * one (the link is reset), {@code io_perm_failure} when the device is gone.
 */
public enum PciChannelState {
    NORMAL("pci_channel_io_normal"),
    FROZEN("pci_channel_io_frozen"),
    PERM_FAILURE("pci_channel_io_perm_failure");

    private final String kernelName;

    PciChannelState(String kernelName) {
        this.kernelName = kernelName;
    }

    public String kernelName() {
        return kernelName;
    }
}
