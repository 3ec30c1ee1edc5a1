package dev.kdumpsim.kernel.pci.err;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The PCI error handlers of the Linux drivers kdumpsim knows by name ({@code kernels.*.drivers[].name}).
 * A driver not listed here (the model's own kdumpsim-nic / kdumpsim-hba among them) has no
 * {@code err_handler}, like hpsa: the PCI core cannot recover the devices below its port.
 *
 * <p>What each {@code error_detected} returns follows the driver source at v5.7 (the shape is
 * the same from v4.14 to v6.12 for these drivers): the NIC drivers detach, stop the device, call
 * {@code pci_disable_device()} and ask for a reset whatever the state but perm_failure; nvme and
 * mpt3sas let a non-fatal error recover without a reset and reset the controller on a fatal one.
 */
public final class LinuxPciDrivers {

    private static final Map<String, PciErrorHandlers> BY_NAME = new TreeMap<>();

    static {
        add(new PciErrorHandlers("igb", false, true, true, PciErsResult.NEED_RESET, PciErsResult.NEED_RESET, null, null,
                "v5.7 drivers/net/ethernet/intel/igb/igb_main.c igb_err_handler, igb_io_error_detected"));
        add(new PciErrorHandlers("ixgbe", false, true, true, PciErsResult.NEED_RESET, PciErsResult.NEED_RESET, null, null,
                "v5.7 drivers/net/ethernet/intel/ixgbe/ixgbe_main.c ixgbe_err_handler, ixgbe_io_error_detected"));
        add(new PciErrorHandlers("bnx2x", false, true, true, PciErsResult.NEED_RESET, PciErsResult.NEED_RESET, null, null,
                "v5.7 drivers/net/ethernet/broadcom/bnx2x/bnx2x_main.c bnx2x_err_handler, bnx2x_io_error_detected"));
        add(new PciErrorHandlers("mlx5_core", false, true, true, PciErsResult.NEED_RESET, PciErsResult.NEED_RESET, null, null,
                "v5.7 drivers/net/ethernet/mellanox/mlx5/core/main.c mlx5_err_handler, mlx5_pci_err_detected"));
        add(new PciErrorHandlers("nvme", false, true, true, PciErsResult.CAN_RECOVER, PciErsResult.NEED_RESET, null,
                "frozen state error detected, reset controller",
                "v5.7 drivers/nvme/host/pci.c nvme_err_handler, nvme_error_detected (dev_warn on the controller device)"));
        add(new PciErrorHandlers("mpt3sas", true, true, true, PciErsResult.CAN_RECOVER, PciErsResult.NEED_RESET, null, null,
                "v5.7 drivers/scsi/mpt3sas/mpt3sas_scsih.c _mpt3sas_err_handler, scsih_pci_error_detected"));
    }

    private LinuxPciDrivers() {
    }

    private static void add(PciErrorHandlers h) {
        BY_NAME.put(h.driver(), h);
    }

    /** The handlers of the driver named {@code name}, or empty when it has none (or is not a known Linux driver). */
    public static Optional<PciErrorHandlers> of(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The drivers with error handlers, by name. */
    public static Map<String, PciErrorHandlers> all() {
        return java.util.Collections.unmodifiableMap(BY_NAME);
    }
}
