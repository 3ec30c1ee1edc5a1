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
import dev.kdumpsim.kernel.pci.EarlyQuiesce;
import dev.kdumpsim.kernel.version.Behaviours;
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
 */
final class KdumpKernelStory {

    /** How long kdump userspace waits for its dump target to appear (dracut's default device timeout is longer; a model value). */
    static final long DUMP_TARGET_WAIT_NS = 30_000_000_000L;
    /** Poll period of that wait; a model value. */
    static final long DUMP_TARGET_POLL_NS = 10_000_000L;
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
    }

    private void earlyInit() {
        kdumpMemory.earlyWorkingSet();
        EarlyQuiesce.apply(config.mitigations(), platform.rootComplex(), kdump.ctx);
    }

    private void pciEnumeration() {
        RootComplex rc = platform.rootComplex();
        aerReporter = new AerReporter(rc, config.kdump().aerNative(), kdump.ctx.version().get(Behaviours.AER_PRINT));
        kdump.reportAer(rc.endpointFunctions(), aerReporter, platform.rootPortOfBus());
        kdump.enumerate(rc.endpointFunctions());
    }

    private void drivers() {
        RootComplex rc = platform.rootComplex();
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
