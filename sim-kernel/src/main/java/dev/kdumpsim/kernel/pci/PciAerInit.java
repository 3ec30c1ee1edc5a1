package dev.kdumpsim.kernel.pci;

import dev.kdumpsim.kernel.version.AerStaleStatus;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.kernel.version.KernelVersion;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.config.PciRegs;

/**
 * {@code pci_aer_init} (called from {@code pci_init_capabilities}, drivers/pci/probe.c): at
 * enumeration the PCI core clears the AER status a previous kernel's devices left logged
 * ({@code pci_cleanup_aer_error_status_regs}), silently; from 4.19 not where firmware owns AER
 * ({@link Behaviours#AER_STALE_STATUS}). The PCI core's, not the AER service driver's: it runs
 * under firmware first too.
 */
public final class PciAerInit {

    private PciAerInit() {
    }

    /** Runs at enumeration for every endpoint function; returns how many had status to clear. */
    public static long run(KernelVersion version, RootComplex rc, boolean firmwareFirst) {
        AerStaleStatus rule = version.get(Behaviours.AER_STALE_STATUS);
        if (rule == AerStaleStatus.REPORTED_AT_ENUMERATION || rule == AerStaleStatus.CLEARED_IF_NATIVE && firmwareFirst) {
            return 0;
        }
        long cleared = 0;
        for (EndpointFunction f : rc.endpointFunctions()) {
            if (clear(rc, f.bdf())) {
                cleared++;
            }
        }
        return cleared;
    }

    /**
     * {@code pci_cleanup_aer_error_status_regs} on one function: Uncorrectable and Correctable
     * Status written back (RW1C); true when either had a bit set. A function that is gone (all
     * ones) is left alone.
     */
    public static boolean clear(RootComplex rc, int bdf) {
        int unc = rc.configRead(bdf, PciRegs.ERR_UNCOR_STATUS, 4);
        if (unc == 0xffffffff) {
            return false;
        }
        int cor = rc.configRead(bdf, PciRegs.ERR_COR_STATUS, 4);
        rc.configWrite(bdf, PciRegs.ERR_UNCOR_STATUS, 4, unc);
        rc.configWrite(bdf, PciRegs.ERR_COR_STATUS, 4, cor);
        return unc != 0 || cor != 0;
    }
}
