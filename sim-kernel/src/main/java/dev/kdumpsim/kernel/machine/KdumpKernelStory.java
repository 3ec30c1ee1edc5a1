package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.driver.DriverProfile;
import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.KernelCommandLine;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.driver.DeviceDriver;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.mm.KdumpMemory;
import dev.kdumpsim.kernel.pci.AerReporter;
import dev.kdumpsim.kernel.pci.AerServiceDriver;
import dev.kdumpsim.kernel.pci.EarlyQuiesce;
import dev.kdumpsim.kernel.pci.PciAerInit;
import dev.kdumpsim.kernel.pci.err.ErrorRecovery;
import dev.kdumpsim.kernel.ras.Ghes;
import dev.kdumpsim.kernel.verdict.KdumpKernelState;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.pcie.DmaFate;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.RootComplex;
import java.util.function.LongConsumer;

/**
 * The kdump kernel's part of the story, from purgatory's jump to the dump: it boots inside the
 * crashkernel region with its own clock, runs its early initcalls (and early-quiesce
 * mitigations), probes the IOMMU under its policy, enumerates PCI once the probe finished (AER
 * report, IOMMU groups), binds its drivers (deferred attaches happen at their first DMA API
 * use), and kdump userspace saves the dump once its dump target's driver finished probing.
 *
 * <p>A kernel that names its release handles PCIe errors as that release does: the native AER
 * service driver from PCI enumeration, or, where firmware owns AER, GHES from its probe at the
 * start of the drivers phase; both recover through {@link ErrorRecovery}. A fatal hardware error
 * panics it: it prints the panic and stops, and no dump is saved after that.
 */
final class KdumpKernelStory {

    /** How long kdump userspace waits for its dump target to appear (dracut's default device timeout is longer; a model value). */
    static final long DUMP_TARGET_WAIT_NS = 30_000_000_000L;
    /** Poll period of that wait; a model value. */
    static final long DUMP_TARGET_POLL_NS = 10_000_000L;
    /** From an aborted DMA to the CPU taking the SError; a model value. */
    static final long SERROR_LATENCY_NS = 1_000;
    /** Run this long after the dump attempt when the timeline has no run-until. */
    static final long TAIL_NS = 1_000_000_000L;

    /** Schedules one timeline action at a simulation time. */
    interface ActionScheduler {
        void schedule(TimelineEvent e, long atNs);
    }

    private final MachineConfig config;
    private final Platform platform;
    private final KdumpMemory kdumpMemory;
    private final AddressRange crashkernel;
    private final ActionScheduler actions;
    private final LongConsumer finishAt;
    private KernelInstance kdump;
    private KernelLog log;
    private AerReporter aerReporter;
    private long bootNs = -1;
    private Boolean dumpSaved;
    private String dumpFailure = "the kdump kernel did not reach userspace";
    private long dumpWaitStart = -1;
    private boolean serrorPending;
    private long staleCleared;
    private boolean dumpAttempted;
    private KdumpKernelState state = KdumpKernelState.ALIVE;
    private String stateReason = "";
    private ErrorRecovery recovery;
    private AerServiceDriver aerService;
    private Ghes ghes;

    KdumpKernelStory(MachineConfig config, Platform platform, KdumpMemory kdumpMemory, AddressRange crashkernel,
            ActionScheduler actions, LongConsumer finishAt) {
        this.config = config;
        this.platform = platform;
        this.kdumpMemory = kdumpMemory;
        this.crashkernel = crashkernel;
        this.actions = actions;
        this.finishAt = finishAt;
    }

    /** Purgatory jumped to the kdump kernel: its clock starts now. */
    void boot() {
        Simulation sim = platform.simulation();
        bootNs = sim.now();
        KernelCommandLine cmd = new KernelCommandLine(config.kdump().cmdline());
        log = new KernelLog(sim, "kdump", bootNs);
        kdump = new KernelInstance(config.kdump(),
                KernelInstance.context("kdump", platform, config.arch(), config.kdump(), log, kdumpMemory::allocatePages,
                        cmd, true),
                platform.iommu(), platform.rootComplex());
        kdumpMemory.bootMemblock();
        log.printkAt(0, LogLevel.INFO, "", "Reserving %lldKB of memory at 0x%llx for elfcorehdr\n", 64L,
                crashkernel.end() - (64L << 10));
        BootTimeline t = config.kdump().boot();
        long b = bootNs;
        PhaseGate iommuProbed = new PhaseGate();
        sim.scheduleAt(b + t.startNs(BootTimeline.EARLY_INIT), x -> earlyInit(), 0);
        sim.scheduleAt(b + t.startNs(BootTimeline.SMMU_PROBE), x -> kdump.probeIommu(iommuProbed::open), 0);
        sim.scheduleAt(b + t.startNs(BootTimeline.PCI_ENUMERATION), x -> iommuProbed.whenOpen(this::pciEnumeration), 0);
        sim.scheduleAt(b + t.startNs(BootTimeline.DRIVERS), x -> iommuProbed.whenOpen(this::drivers), 0);
        sim.scheduleAt(b + t.startNs(BootTimeline.USERSPACE), x -> iommuProbed.whenOpen(this::saveDump), 0);
        for (TimelineEvent e : config.timeline()) {
            if (e.kdumpClock()) {
                actions.schedule(e, b + e.atNs());
            }
        }
        if (config.ras().abortedDmaSError()) {
            platform.rootComplex().addTransactionObserver(tx -> {
                if (!serrorPending && alive() && (tx.fate() == DmaFate.ABORTED_WITH_EVENT || tx.fate() == DmaFate.ABORTED_SILENT)) {
                    serrorPending = true; // asynchronous: taken at the CPU's next exception boundary
                    sim.scheduleAfter(SERROR_LATENCY_NS, x -> serror(), 0);
                }
            });
        }
    }

    /** The platform signalled an aborted DMA to the CPU: the architecture's handler decides (arm64: panic). */
    private void serror() {
        if (!alive()) {
            return;
        }
        String message = config.arch().asynchronousErrorPanic(kdump.ctx.console(), config.ras().serrorEsr());
        if (message != null) {
            panic(message, 0);
        }
    }

    /** Whether the kdump kernel still runs (it has not panicked). */
    boolean alive() {
        return state != KdumpKernelState.PANICKED;
    }

    private void earlyInit() {
        if (!alive()) {
            return;
        }
        kdumpMemory.earlyWorkingSet();
        EarlyQuiesce.apply(config.mitigations(), platform.rootComplex(), kdump.ctx);
    }

    private void pciEnumeration() {
        if (!alive()) {
            return;
        }
        RootComplex rc = platform.rootComplex();
        aerReporter = new AerReporter(rc, config.kdump().aerNative(), kdump.ctx.version().get(Behaviours.AER_PRINT));
        if (!config.kdump().handlesPcieErrors()) {
            kdump.reportAer(rc.endpointFunctions(), aerReporter, platform.rootPortOfBus());
        } else {
            recovery = new ErrorRecovery(kdump.ctx, rc, this::driverOf);
            staleCleared = PciAerInit.run(kdump.ctx.version(), rc, config.kdump().firmwareFirst());
            if (!config.kdump().firmwareFirst()) {
                aerService = new AerServiceDriver(kdump.ctx, rc, aerReporter, recovery, this::devPrefixOf, this::alive);
                aerService.probe();
            }
        }
        kdump.enumerate(rc.endpointFunctions());
    }

    /** The driver bound to {@code bdf} in the kdump kernel, or null. */
    private DeviceDriver driverOf(int bdf) {
        for (DeviceDriver d : kdump.drivers) {
            if (d.function().bdf() == bdf) {
                return d;
            }
        }
        return null;
    }

    /** dev_printk's prefix for {@code bdf} now: its bound driver's name, else the bus's ("pci"). */
    private String devPrefixOf(int bdf) {
        return dev.kdumpsim.kernel.pci.err.BoundPciDriver.devPrefixOf(driverOf(bdf), bdf);
    }

    /**
     * {@code panic()} in the kdump kernel (kernel/panic.c): no crash kernel is loaded, so
     * {@code __crash_kexec} returns; with a {@code panic_timeout} the machine restarts after it,
     * else the end marker is printed and the CPU spins. Either way nothing runs any more.
     */
    void panic(String message, int timeoutSeconds) {
        if (!alive()) {
            return;
        }
        state = KdumpKernelState.PANICKED;
        stateReason = message;
        var out = kdump.ctx.console();
        out.print(LogLevel.EMERG, "", "Kernel panic - not syncing: %s\n", message);
        if (timeoutSeconds > 0) {
            out.print(LogLevel.EMERG, "", "Rebooting in %d seconds..\n", timeoutSeconds);
        } else {
            boolean closed = kdump.ctx.version().get(Behaviours.PANIC_END_MARKER_CLOSED);
            out.print(LogLevel.EMERG, "", closed ? "---[ end Kernel panic - not syncing: %s ]---\n"
                    : "---[ end Kernel panic - not syncing: %s\n", message);
        }
        out.halt();
        for (DeviceDriver d : kdump.drivers) {
            d.cpusStopped();
        }
        kdump.iommuDriver.kernelStopped();
        if (dumpSaved == null) {
            dumpSaved = false;
            dumpFailure = "the kdump kernel panicked (" + message + ") before the dump was saved";
        }
        finishAt.accept(platform.simulation().now() + TAIL_NS);
    }

    private void drivers() {
        if (!alive()) {
            return;
        }
        RootComplex rc = platform.rootComplex();
        if (config.kdump().firmwareFirst() && platform.firmwareFirst() != null) {
            // ghes_probe (device_initcall, drivers/acpi before the PCI drivers' modules load)
            ghes = new Ghes(kdump.ctx, platform.firmwareFirst(), aerReporter, recovery, this::devPrefixOf, this::panic,
                    this::alive);
            ghes.probe();
        }
        for (DriverSpec spec : config.kdump().drivers()) {
            if (spec.profile() == DriverProfile.NONE) {
                continue;
            }
            EndpointFunction fn = (EndpointFunction) rc.function(spec.bdf());
            DeviceDriver d = new DeviceDriver(kdump.ctx, spec, fn, rc);
            kdump.drivers.add(d);
            int sid = rc.streamId(spec.bdf());
            d.kdumpProbe(kdump.domainFor(spec.bdf()), kdump.cmdline.resetDevices(), () -> {
                platform.ledger().markKdumpOwned(spec.bdf());
                if (kdump.iommuDriver.isAttachDeferred(sid)) {
                    // kdump-adopt: the deferred attach happens at the driver's first DMA API use
                    kdump.iommuDriver.attach(sid, kdump.domainFor(spec.bdf()), () -> { });
                }
            }, ok -> { });
        }
    }

    private void saveDump() {
        if (!alive()) {
            return;
        }
        dumpAttempted = true;
        Simulation sim = platform.simulation();
        DeviceDriver target = dumpTarget();
        if (target != null && !target.probeFinished()) {
            // the kdump initramfs waits for the dump target's driver (FLR and settle delays included)
            if (dumpWaitStart < 0) {
                dumpWaitStart = sim.now();
            }
            if (sim.now() - dumpWaitStart < DUMP_TARGET_WAIT_NS) {
                sim.scheduleAfter(DUMP_TARGET_POLL_NS, x -> saveDump(), 0);
                return;
            }
        }
        platform.ledger().capturedAt(sim.now());
        if (target == null) {
            dumpSaved = false;
            dumpFailure = "no dump target: the kdump kernel binds no storage or network driver";
            log.printk(LogLevel.ERR, "kdump: saving vmcore failed: no dump target\n");
            finishAt.accept(sim.now() + TAIL_NS);
            return;
        }
        target.writeDump(ok -> {
            if (!alive()) {
                return; // the kernel died while the dump was being written
            }
            dumpSaved = ok;
            dumpFailure = ok ? "" : "the dump target's DMA failed (" + Bdf.pciName(target.function().bdf()) + ")";
            log.printk(ok ? LogLevel.INFO : LogLevel.ERR, ok ? "kdump: saving vmcore complete\n"
                    : "kdump: saving vmcore failed\n");
            finishAt.accept(sim.now() + TAIL_NS);
        });
    }

    /** The dump target: the first storage driver, else the first driver (a NIC: network dump). */
    private DeviceDriver dumpTarget() {
        DeviceDriver nic = null;
        for (DeviceDriver d : kdump.drivers) {
            if (d.spec().profile() == DriverProfile.STORAGE) {
                return d;
            }
            if (nic == null) {
                nic = d;
            }
        }
        return nic;
    }

    KernelInstance kernel() {
        return kdump;
    }

    /** How PCIe errors were handled (all zero for the wave-1 model). */
    dev.kdumpsim.kernel.verdict.PcieErrorSummary pcieErrors() {
        var fw = platform.firmwareFirst();
        return new dev.kdumpsim.kernel.verdict.PcieErrorSummary(
                staleCleared,
                recovery == null ? 0 : recovery.recoveries(), recovery == null ? 0 : recovery.recovered(),
                recovery == null ? 0 : recovery.linkResets(), fw == null ? 0 : fw.records(), fw == null ? 0 : fw.dropped(),
                ghes == null ? 0 : ghes.printedRecords(), ghes == null ? 0 : ghes.cachedRecords(),
                ghes == null ? 0 : ghes.suppressedRecords());
    }

    /**
     * How the kdump kernel ended at {@code endNs}: panicked; hung when it had booted long enough
     * for kdump userspace to have finished (its boot timeline's userspace start plus the dump
     * target wait) and had not, for a reason its own progress names; else alive.
     */
    KdumpKernelState state(long endNs) {
        if (state == KdumpKernelState.PANICKED || bootNs < 0 || dumpSaved != null) {
            return state;
        }
        long due = bootNs + config.kdump().boot().startNs(BootTimeline.USERSPACE) + DUMP_TARGET_WAIT_NS + TAIL_NS;
        return endNs >= due ? KdumpKernelState.HUNG : KdumpKernelState.ALIVE;
    }

    /** Why the kdump kernel panicked or hung, as its log and progress say (empty when alive). */
    String stateReason(long endNs) {
        return switch (state(endNs)) {
            case PANICKED -> stateReason;
            case HUNG -> kdump == null || kdump.iommuProbeResult() == null
                    ? "the IOMMU driver's probe never finished: PCI enumeration, drivers and kdump userspace never ran"
                    : dumpAttempted ? "kdump userspace never finished writing the dump"
                    : "kdump userspace never ran";
            case ALIVE -> "";
        };
    }

    AerReporter aerReporter() {
        return aerReporter;
    }

    long bootNs() {
        return bootNs;
    }

    boolean dumpSaved() {
        return dumpSaved != null && dumpSaved;
    }

    String dumpFailure() {
        return dumpSaved != null && dumpSaved ? "" : dumpFailure;
    }
}
