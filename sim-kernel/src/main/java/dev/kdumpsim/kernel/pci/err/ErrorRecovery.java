package dev.kdumpsim.kernel.pci.err;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.version.AerRecoveryFormat;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointDevice;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.LinuxResetSequence;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * PCI error recovery as the PCI core runs it for an uncorrectable error ({@code pcie_do_recovery},
 * drivers/pci/pcie/err.c v5.7; {@code pcie_do_nonfatal_recovery} / {@code pcie_do_fatal_recovery}
 * in v4.19; {@code do_recovery} in v4.14 drivers/pci/pcie/aer/aerdrv_core.c):
 *
 * <ol>
 *   <li>recovery runs on every device below the first downstream port above the source (a Root
 *       Port or switch Downstream Port), walked as {@code pci_walk_bus} walks it;</li>
 *   <li>{@code error_detected} is broadcast; a device whose driver has no such callback votes
 *       NO_AER_DRIVER, which stops recovery for all (a bridge votes NONE);</li>
 *   <li>for a fatal error ({@code io_frozen}) the port's link is reset ({@code reset_link} /
 *       {@code aer_root_reset}: a Secondary Bus Reset), which ends the devices' DMA;</li>
 *   <li>CAN_RECOVER leads to {@code mmio_enabled}, NEED_RESET to {@code slot_reset}, and a
 *       RECOVERED result to {@code resume} and "device recovery successful"; anything else to
 *       "device recovery failed".</li>
 * </ol>
 * The lines and the shape of the fatal path follow the release ({@link Behaviours#AER_RECOVERY}).
 */
public final class ErrorRecovery {

    /** The result of one recovery. */
    public record Outcome(PciErsResult result, boolean linkReset, List<Integer> devices) {
        public Outcome {
            devices = List.copyOf(devices);
        }
    }

    private final KernelContext k;
    private final RootComplex rc;
    private final IntFunction<BoundPciDriver> driverOf;
    private final AerRecoveryFormat format;
    private long recoveries;
    private long recovered;
    private long linkResets;

    /** {@code driverOf} gives the driver bound to a function in this kernel, or null. */
    public ErrorRecovery(KernelContext k, RootComplex rc, IntFunction<BoundPciDriver> driverOf) {
        this.k = k;
        this.rc = rc;
        this.driverOf = driverOf;
        this.format = k.version().get(Behaviours.AER_RECOVERY);
    }

    /**
     * Recovers from an error {@code source} reported in {@code state} (NORMAL for non-fatal,
     * FROZEN for fatal); {@code done} runs when recovery ended, after the link reset if any.
     */
    public void recover(int source, PciChannelState state, Consumer<Outcome> done) {
        recoveries++;
        PcieBridge port = portAbove(source);
        if (port == null) {
            done.accept(new Outcome(PciErsResult.DISCONNECT, false, List.of()));
            return;
        }
        List<Integer> devices = new ArrayList<>();
        if (format.callsSourceAlone()) {
            devices.add(source); // 4.19 pcie_do_nonfatal_recovery on an endpoint: cb(dev) alone
        } else {
            walk(port, devices); // 4.14: pci_walk_bus(dev->bus), the port's secondary bus; later the port's
        }
        String portPrefix = "pcieport " + Bdf.pciName(port.bdf()) + ": ";
        if (state == PciChannelState.FROZEN && format.removesOnFatal()) {
            fatalRemoveResetRescan(port, source, portPrefix, done);
            return;
        }
        PciErsResult status = PciErsResult.CAN_RECOVER;
        for (int bdf : devices) {
            status = PciErsResult.merge(status, errorDetected(bdf, state));
        }
        if (state == PciChannelState.FROZEN) {
            PciErsResult votes = status;
            linkResets++;
            resetLink(port, portPrefix, ok -> {
                if (!ok) {
                    String line = format.linkResetFailedLine();
                    if (line != null) {
                        k.console().print(LogLevel.WARNING, portPrefix, line);
                    }
                    done.accept(finish(source, portPrefix, devices, PciErsResult.DISCONNECT, true));
                    return;
                }
                done.accept(finish(source, portPrefix, devices,
                        format.linkResetOverridesVotes() ? PciErsResult.RECOVERED : votes, true));
            });
            return;
        }
        done.accept(finish(source, portPrefix, devices, status, false));
    }

    /**
     * 4.19 {@code pcie_do_fatal_recovery}: every device below the port is removed (reverse order,
     * its driver's remove), the link reset, and on success the bus rescanned (drivers probe again).
     */
    private void fatalRemoveResetRescan(PcieBridge port, int source, String portPrefix, Consumer<Outcome> done) {
        List<Integer> below = new ArrayList<>();
        walk(port, below);
        List<BoundPciDriver> removed = new ArrayList<>();
        for (int i = below.size() - 1; i >= 0; i--) {
            BoundPciDriver d = driver(below.get(i));
            if (d != null) {
                d.remove();
                removed.add(0, d);
            }
        }
        linkResets++;
        resetLink(port, portPrefix, ok -> {
            if (ok) {
                for (BoundPciDriver d : removed) {
                    d.reprobe();
                }
            }
            // the source's pci_dev was removed: its prefix is the bus name until the rescan's new one binds
            k.console().print(LogLevel.INFO, "pci " + Bdf.pciName(source) + ": ", format.fatalRecoveryLine(ok));
            if (ok) {
                recovered++;
            }
            done.accept(new Outcome(ok ? PciErsResult.RECOVERED : PciErsResult.DISCONNECT, true, below));
        });
    }

    private Outcome finish(int source, String portPrefix, List<Integer> devices, PciErsResult status,
            boolean linkReset) {
        if (status == PciErsResult.CAN_RECOVER) {
            status = PciErsResult.RECOVERED;
            for (int bdf : devices) {
                status = PciErsResult.merge(status, mmioEnabled(bdf));
            }
        }
        if (status == PciErsResult.NEED_RESET) {
            status = PciErsResult.RECOVERED;
            for (int bdf : devices) {
                status = PciErsResult.merge(status, slotReset(bdf));
            }
        }
        String prefix = format.reportsOnPort() ? portPrefix : devPrefix(source);
        if (status != PciErsResult.RECOVERED) {
            k.console().print(LogLevel.INFO, prefix, format.failedLine());
            return new Outcome(status, linkReset, devices);
        }
        for (int bdf : devices) {
            BoundPciDriver d = driver(bdf);
            PciErrorHandlers h = d == null ? null : handlers(d);
            if (h != null && h.resume()) {
                d.resume();
            }
        }
        clearNonFatalStatus(source);
        recovered++;
        k.console().print(LogLevel.INFO, prefix, format.successfulLine());
        return new Outcome(status, linkReset, devices);
    }

    private PciErsResult errorDetected(int bdf, PciChannelState state) {
        BoundPciDriver d = driver(bdf);
        PciErrorHandlers h = d == null ? null : handlers(d);
        if (h == null) {
            String line = format.noErrorDetectedLine();
            if (line != null) {
                k.console().print(LogLevel.INFO, devPrefix(bdf), line);
            }
            return PciErsResult.NO_AER_DRIVER;
        }
        String line = h.errorDetectedLine(state);
        if (line != null) {
            k.console().print(LogLevel.WARNING, d.devPrefix(), "%s\n", line);
        }
        return d.errorDetected(h, state);
    }

    private PciErsResult mmioEnabled(int bdf) {
        BoundPciDriver d = driver(bdf);
        PciErrorHandlers h = d == null ? null : handlers(d);
        return h != null && h.mmioEnabled() ? PciErsResult.RECOVERED : PciErsResult.NONE;
    }

    private PciErsResult slotReset(int bdf) {
        BoundPciDriver d = driver(bdf);
        PciErrorHandlers h = d == null ? null : handlers(d);
        return h != null && h.slotReset() ? d.slotReset() : PciErsResult.NONE;
    }

    /**
     * The port's link reset ({@code aer_root_reset} -> {@code pci_bus_error_reset} -> Secondary Bus
     * Reset, waiting as the release waits), with Root Error interrupts off around it.
     */
    private void resetLink(PcieBridge port, String portPrefix, Consumer<Boolean> done) {
        boolean root = port.parent() == null;
        int cmd = root ? rc.configRead(port.bdf(), PciRegs.ERR_ROOT_COMMAND, 4) : 0;
        if (root) {
            rc.configWrite(port.bdf(), PciRegs.ERR_ROOT_COMMAND, 4, cmd & ~PciRegs.ERR_ROOT_CMD_INTR_MASK);
        }
        LinuxResetSequence.secondaryBusReset(rc, port, k.version().get(Behaviours.SBR_WAIT), o -> {
            String line = format.linkResetLine(root);
            if (line != null) {
                k.console().print(LogLevel.INFO, portPrefix, line);
            }
            if (root) {
                int st = rc.configRead(port.bdf(), PciRegs.ERR_ROOT_STATUS, 4);
                rc.configWrite(port.bdf(), PciRegs.ERR_ROOT_STATUS, 4, st);
                rc.configWrite(port.bdf(), PciRegs.ERR_ROOT_COMMAND, 4, cmd | PciRegs.ERR_ROOT_CMD_INTR_MASK);
            }
            done.accept(o.ready());
        });
    }

    /** {@code pci_aer_clear_nonfatal_status} on the source: the non-fatal bits it logged (RW1C). */
    private void clearNonFatalStatus(int source) {
        int status = rc.configRead(source, PciRegs.ERR_UNCOR_STATUS, 4);
        int sev = rc.configRead(source, PciRegs.ERR_UNCOR_SEVER, 4);
        int nonFatal = status & ~sev;
        if (status != 0xffffffff && nonFatal != 0) {
            rc.configWrite(source, PciRegs.ERR_UNCOR_STATUS, 4, nonFatal);
        }
    }

    /** The driver bound to {@code bdf} now, or null. */
    private BoundPciDriver driver(int bdf) {
        BoundPciDriver d = driverOf.apply(bdf);
        return d != null && d.attached() ? d : null;
    }

    private static PciErrorHandlers handlers(BoundPciDriver d) {
        return LinuxPciDrivers.of(d.name()).orElse(null);
    }

    private String devPrefix(int bdf) {
        return BoundPciDriver.devPrefixOf(driverOf.apply(bdf), bdf);
    }

    /** The Root Port or switch Downstream Port whose secondary bus holds {@code bdf}'s device. */
    private PcieBridge portAbove(int bdf) {
        return rc.function(bdf) instanceof EndpointFunction f ? f.device().upstreamPort() : null;
    }

    /** pci_walk_bus order: each device on the bus (functions in order), a bridge's subordinate bus right after it. */
    private static void walk(PcieBridge port, List<Integer> out) {
        List<Object> onBus = new ArrayList<>();
        onBus.addAll(port.endpoints());
        onBus.addAll(port.bridges());
        onBus.sort((a, b) -> Integer.compare(bdfOf(a), bdfOf(b)));
        for (Object o : onBus) {
            if (o instanceof EndpointDevice d) {
                for (EndpointFunction f : d.functions()) {
                    out.add(f.bdf());
                }
            } else {
                walk((PcieBridge) o, out);
            }
        }
    }

    private static int bdfOf(Object o) {
        return o instanceof EndpointDevice d ? d.function(0).bdf() : ((PcieBridge) o).bdf();
    }

    public long recoveries() {
        return recoveries;
    }

    /** Recoveries that ended in "device recovery successful". */
    public long recovered() {
        return recovered;
    }

    public long linkResets() {
        return linkResets;
    }
}
