package dev.kdumpsim.kernel.pci;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.LinuxResetSequence;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.SbrWaitPolicy;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.Set;

/**
 * The "quiesce every device before the IOMMU probes" mitigations, run by the kdump kernel in an
 * early initcall (Takao Indoh's 2012-13 series reset devices from the PCI early quirks; the 2018
 * thread proposed FLR and a Bus Master clear): {@code flr-all} runs {@code pcie_flr()} on every
 * FLR-capable endpoint function, {@code sbr-all} a Secondary Bus Reset below every root port
 * ({@code pci_reset_secondary_bus} + v4.19's 1 s settle), {@code clear-bme-all} clears Command.BME.
 * Each step prints a line so the log shows when it ran.
 */
public final class EarlyQuiesce {

    private EarlyQuiesce() {
    }

    public static void apply(Set<Mitigation> mitigations, RootComplex rc, KernelContext k) {
        if (mitigations.contains(Mitigation.CLEAR_BME_ALL)) {
            for (EndpointFunction f : rc.endpointFunctions()) {
                int cmd = rc.configRead(f.bdf(), PciRegs.COMMAND, 2);
                rc.configWrite(f.bdf(), PciRegs.COMMAND, 2, cmd & ~PciRegs.COMMAND_MASTER);
                k.console().print(LogLevel.INFO, "pci " + Bdf.pciName(f.bdf()) + ": ", "kdump: cleared Bus Master Enable\n");
            }
        }
        if (mitigations.contains(Mitigation.FLR_ALL)) {
            for (EndpointFunction f : rc.endpointFunctions()) {
                if ((rc.configRead(f.bdf(), PciRegs.EXP_DEVCAP, 4) & PciRegs.EXP_DEVCAP_FLR) == 0) {
                    k.console().print(LogLevel.INFO, "pci " + Bdf.pciName(f.bdf()) + ": ", "kdump: no FLR support, not reset\n");
                    continue;
                }
                k.console().print(LogLevel.INFO, "pci " + Bdf.pciName(f.bdf()) + ": ", "kdump: function level reset\n");
                LinuxResetSequence.flr(rc, f.bdf(), o -> { });
            }
        }
        if (mitigations.contains(Mitigation.SBR_ALL)) {
            for (PcieBridge rp : rc.rootPorts()) {
                if (rp.endpoints().isEmpty()) {
                    continue;
                }
                int child = rp.endpoints().get(0).function(0).bdf();
                k.console().print(LogLevel.INFO, "pcieport " + Bdf.pciName(rp.bdf()) + ": ", "kdump: secondary bus reset\n");
                LinuxResetSequence.secondaryBusReset(rc, rp.bdf(), child, SbrWaitPolicy.V4_19_SSLEEP_1S, o -> { });
            }
        }
    }
}
