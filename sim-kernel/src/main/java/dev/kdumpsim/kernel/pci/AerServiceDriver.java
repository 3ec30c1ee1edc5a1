package dev.kdumpsim.kernel.pci;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.log.Ratelimit;
import dev.kdumpsim.kernel.pci.err.ErrorRecovery;
import dev.kdumpsim.kernel.pci.err.PciChannelState;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.ErrorMessageListener;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.PcieFunction;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.aer.ErrorMessage;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * The native AER service driver of one kernel (drivers/pci/pcie/aer.c; aerdrv.c and aerdrv_core.c
 * before v4.19), from its probe at PCI enumeration to recovery:
 *
 * <ul>
 *   <li>(before it, at enumeration, {@link PciAerInit} has cleared the status a previous kernel left);</li>
 *   <li>{@code aer_probe} -> {@code aer_enable_rootport} per Root Port: clears Root Error Status
 *       and the port's own status, enables error reporting in every device below
 *       ({@code set_downstream_devices_error_reporting}: DevCtl CERE/NFERE/FERE/URRE) and the
 *       Root Port's interrupt on error Messages (Root Error Command);</li>
 *   <li>{@code aer_irq} (hard IRQ): reads and clears Root Error Status, queues it with Error Source
 *       Identification in a FIFO, wakes {@code aer_isr} (the IRQ thread);</li>
 *   <li>{@code aer_isr_one_error}: the port line, {@code find_source_device}, the device's
 *       registers ({@code aer_get_device_error_info}: only for non-fatal errors and ports; a fatal
 *       error from an endpoint is "Inaccessible"), {@code aer_print_error}, then
 *       {@code handle_error_source} -> recovery ({@link ErrorRecovery}). The thread handles one
 *       error at a time: the next waits for the recovery (and its link reset) to end and for its
 *       lines to reach the console.</li>
 * </ul>
 */
public final class AerServiceDriver implements ErrorMessageListener {

    /** From an error Message to {@code aer_irq} running; a model value (interrupt delivery). */
    static final long IRQ_LATENCY_NS = 2_000;
    /** From {@code aer_irq}'s IRQ_WAKE_THREAD to {@code aer_isr} running; a model value (scheduler wakeup). */
    static final long THREAD_WAKE_NS = 20_000;
    /** {@code AER_ERROR_SOURCES_MAX}: entries of the aer_fifo (aer.c v5.7: 128); later sources are dropped. */
    static final int FIFO_ENTRIES = 128;

    private record ErrSource(PcieBridge port, int status, int id) {
    }

    private final KernelContext k;
    private final RootComplex rc;
    private final AerReporter reporter;
    private final ErrorRecovery recovery;
    private final IntFunction<String> devPrefixOf;
    private final BooleanSupplier alive;
    private final ArrayDeque<ErrSource> fifo = new ArrayDeque<>();
    private final java.util.Map<Integer, Ratelimit> ratelimits = new java.util.HashMap<>();
    private boolean irqPending;
    private boolean threadBusy;
    private long fifoDropped;

    /**
     * @param devPrefixOf the dev_printk prefix of a function now (its driver's name once bound)
     * @param alive whether the kernel still runs (a panicked kernel handles no interrupt)
     */
    public AerServiceDriver(KernelContext k, RootComplex rc, AerReporter reporter, ErrorRecovery recovery,
            IntFunction<String> devPrefixOf, BooleanSupplier alive) {
        this.k = k;
        this.rc = rc;
        this.reporter = reporter;
        this.recovery = recovery;
        this.devPrefixOf = devPrefixOf;
        this.alive = alive;
    }

    /** {@code aer_probe} on every Root Port (the port driver's probe, after PCI enumeration). */
    public void probe() {
        for (PcieBridge port : rc.rootPorts()) {
            enableRootPort(port);
        }
        rc.addErrorMessageListener(this);
    }

    private void enableRootPort(PcieBridge port) {
        int rp = port.bdf();
        int st = rc.configRead(rp, PciRegs.ERR_ROOT_STATUS, 4);
        rc.configWrite(rp, PciRegs.ERR_ROOT_STATUS, 4, st);
        PciAerInit.clear(rc, rp);
        enableReporting(port);
        int cmd = rc.configRead(rp, PciRegs.ERR_ROOT_COMMAND, 4);
        rc.configWrite(rp, PciRegs.ERR_ROOT_COMMAND, 4, cmd | PciRegs.ERR_ROOT_CMD_INTR_MASK);
    }

    /** {@code set_downstream_devices_error_reporting}: DevCtl reporting enables on everything below. */
    private void enableReporting(PcieBridge port) {
        int bits = PciRegs.EXP_DEVCTL_ERR_REPORTING;
        int ctl = rc.configRead(port.bdf(), PciRegs.EXP_DEVCTL, 2);
        rc.configWrite(port.bdf(), PciRegs.EXP_DEVCTL, 2, ctl | bits);
        for (var d : port.endpoints()) {
            for (EndpointFunction f : d.functions()) {
                int c = rc.configRead(f.bdf(), PciRegs.EXP_DEVCTL, 2);
                rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL, 2, c | bits);
            }
        }
        for (PcieBridge b : port.bridges()) {
            enableReporting(b);
        }
    }

    @Override
    public void onErrorMessage(PcieBridge rootPort, ErrorMessage message, int requesterId, boolean interruptEnabled) {
        if (!interruptEnabled || irqPending || !alive.getAsBoolean()) {
            return; // an interrupt already pending reads the accumulated Root Error Status
        }
        irqPending = true;
        k.sim().scheduleAfter(IRQ_LATENCY_NS, x -> aerIrq(rootPort), 0);
    }

    /** {@code aer_irq}: the hard-IRQ half. */
    private void aerIrq(PcieBridge port) {
        irqPending = false;
        if (!alive.getAsBoolean()) {
            return;
        }
        int rp = port.bdf();
        int st = rc.configRead(rp, PciRegs.ERR_ROOT_STATUS, 4);
        if ((st & (PciRegs.ERR_ROOT_UNCOR_RCV | PciRegs.ERR_ROOT_COR_RCV)) == 0) {
            return; // IRQ_NONE
        }
        int id = rc.configRead(rp, PciRegs.ERR_ROOT_ERR_SRC, 4);
        rc.configWrite(rp, PciRegs.ERR_ROOT_STATUS, 4, st);
        if (fifo.size() >= FIFO_ENTRIES) {
            fifoDropped++;
            return;
        }
        fifo.add(new ErrSource(port, st, id));
        if (!threadBusy) {
            threadBusy = true;
            k.sim().scheduleAfter(THREAD_WAKE_NS, x -> nextError(), 0);
        }
    }

    /** {@code aer_isr}: one FIFO entry at a time, each waiting for its recovery. */
    private void nextError() {
        ErrSource e = fifo.poll();
        if (e == null || !alive.getAsBoolean()) {
            threadBusy = false;
            return;
        }
        if ((e.status & PciRegs.ERR_ROOT_UNCOR_RCV) == 0) {
            // ERR_COR: the model's traffic raises no correctable errors (EndpointFunction.detectCorrectableError
            // is for tests); its status is left for the next reader
            nextError();
            return;
        }
        boolean fatal = (e.status & PciRegs.ERR_ROOT_FATAL_RCV) != 0;
        boolean multi = (e.status & PciRegs.ERR_ROOT_MULTI_UNCOR_RCV) != 0;
        int source = (e.id >>> 16) & 0xffff;
        // one ratelimit decision per error, for the port's line and the device's (6.16)
        boolean print = fatal || logAllowed(source);
        if (print) {
            reporter.printPortInfo(k.console(), e.port.bdf(), source, fatal, multi);
        }
        if (!isBelow(e.port, source)) {
            k.console().print(dev.kdumpsim.kernel.log.LogLevel.INFO, "pcieport " + Bdf.pciName(e.port.bdf()) + ": ",
                    "AER: can't find device of ID%04x\n", (long) source);
            nextError();
            return;
        }
        String prefix = devPrefixOf.apply(source);
        if (fatal) {
            reporter.printInaccessible(k.console(), source, prefix, true);
        } else {
            AerRegisters r = AerRegisters.read(rc, source);
            if ((r.status() & ~r.mask()) == 0) {
                nextError(); // aer_get_device_error_info found nothing unmasked: nothing printed
                return;
            }
            if (print) {
                reporter.printDeviceError(k.console(), source, prefix, r, false);
            }
        }
        // printk waits for the console (a synchronous UART console, as the report's timestamps show):
        // the thread takes the next error once its lines are out
        recovery.recover(source, fatal ? PciChannelState.FROZEN : PciChannelState.NORMAL,
                o -> k.console().then(this::nextError));
    }

    /**
     * 6.16 {@code aer_ratelimit(dev, severity)}: a device's non-fatal error lines go through its
     * {@code nonfatal_ratelimit} (DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST); fatal errors are
     * never limited ("Don't ratelimit fatal errors"). Before 6.16 everything is printed.
     */
    private boolean logAllowed(int bdf) {
        if (!k.version().get(Behaviours.AER_RATELIMIT)) {
            return true;
        }
        return ratelimits.computeIfAbsent(bdf, b -> Ratelimit.defaultState("aer_ratelimit")).allow(k.log());
    }

    /** Whether {@code bdf} is a function below {@code port} (the walk of find_source_device). */
    private boolean isBelow(PcieBridge port, int bdf) {
        PcieFunction f = rc.function(bdf);
        PcieBridge b = f instanceof EndpointFunction e ? e.device().upstreamPort() : f instanceof PcieBridge pb ? pb.parent() : null;
        for (; b != null; b = b.parent()) {
            if (b == port) {
                return true;
            }
        }
        return false;
    }

    /** Error sources dropped because the aer_fifo was full. */
    public long fifoDropped() {
        return fifoDropped;
    }
}
