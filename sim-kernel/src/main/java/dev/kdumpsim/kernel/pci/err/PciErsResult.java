package dev.kdumpsim.kernel.pci.err;

/**
 * A driver's vote during PCI error recovery ({@code enum pci_ers_result}, include/linux/pci.h),
 * and how the PCI core merges votes across the devices below a port ({@code merge_result},
 * drivers/pci/pcie/err.c; aerdrv_core.c before v4.19, same logic).
 */
public enum PciErsResult {
    /** No result / no opinion (a bridge without a driver votes this). */
    NONE,
    /** The driver can recover without a reset. */
    CAN_RECOVER,
    /** The driver needs a slot reset. */
    NEED_RESET,
    /** The device is gone for good. */
    DISCONNECT,
    /** The device recovered. */
    RECOVERED,
    /** A device below the port has no error_detected callback: nothing can be recovered. */
    NO_AER_DRIVER;

    /** {@code merge_result(orig, new)}: the result after this device's vote. */
    public static PciErsResult merge(PciErsResult orig, PciErsResult vote) {
        if (vote == NO_AER_DRIVER) {
            return NO_AER_DRIVER;
        }
        if (vote == NONE) {
            return orig;
        }
        return switch (orig) {
            case CAN_RECOVER, RECOVERED -> vote;
            case DISCONNECT -> vote == NEED_RESET ? NEED_RESET : orig;
            default -> orig;
        };
    }
}
