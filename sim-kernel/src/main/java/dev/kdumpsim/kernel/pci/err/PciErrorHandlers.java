package dev.kdumpsim.kernel.pci.err;

/**
 * Which {@code struct pci_error_handlers} callbacks a driver has, and what its
 * {@code error_detected} returns for each channel state (every in-tree handler returns
 * {@code PCI_ERS_RESULT_DISCONNECT} for {@code io_perm_failure}). {@code slot_reset} returns
 * RECOVERED when the device answers config reads again, else DISCONNECT, as the drivers listed in
 * {@link LinuxPciDrivers} do after {@code pci_enable_device*} and their own reset.
 *
 * @param driver the driver's {@code pci_driver.name}
 * @param mmioEnabled the driver has {@code mmio_enabled}
 * @param slotReset the driver has {@code slot_reset}
 * @param resume the driver has {@code resume}
 * @param onNormal what {@code error_detected(pci_channel_io_normal)} returns
 * @param onFrozen what {@code error_detected(pci_channel_io_frozen)} returns
 * @param normalLine what the driver prints in {@code error_detected} for io_normal (null: nothing at
 *     the console's levels), after its dev_printk prefix
 * @param frozenLine the same for io_frozen
 * @param source where the handlers are (kernel release, file, function)
 */
public record PciErrorHandlers(String driver, boolean mmioEnabled, boolean slotReset, boolean resume, PciErsResult onNormal,
        PciErsResult onFrozen, String normalLine, String frozenLine, String source) {

    /** What {@code error_detected} returns in {@code state}. */
    public PciErsResult errorDetected(PciChannelState state) {
        return switch (state) {
            case NORMAL -> onNormal;
            case FROZEN -> onFrozen;
            case PERM_FAILURE -> PciErsResult.DISCONNECT;
        };
    }

    /** What it prints in {@code error_detected} for {@code state}, or null. */
    public String errorDetectedLine(PciChannelState state) {
        return switch (state) {
            case NORMAL -> normalLine;
            case FROZEN -> frozenLine;
            case PERM_FAILURE -> null;
        };
    }
}
