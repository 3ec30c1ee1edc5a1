package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.driver.DriverProfile;
import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.KernelCommandLine;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.driver.DeviceDriver;
import dev.kdumpsim.kernel.iommu.IommuHardware;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.mm.CrashkernelReservation;
import dev.kdumpsim.kernel.mm.KdumpMemory;
import dev.kdumpsim.kernel.mm.Memblock;
import dev.kdumpsim.kernel.mm.MemoryRoles;
import dev.kdumpsim.kernel.mm.PhysAllocator;
import dev.kdumpsim.kernel.pci.AerReporter;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.verdict.Ledger;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.LinuxResetSequence;
import dev.kdumpsim.pcie.RootComplex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One machine and its two kernels on one simulation clock: kernel #1 boots, reserves the
 * crashkernel region, maps DMA and runs its devices; it panics and takes the crash path
 * ({@code panic → __crash_kexec → machine_crash_shutdown → machine_kexec}: no device shutdown, no
 * Bus Master clear, the IOMMU left enabled), or with {@link Mitigation#KEXEC_NORMAL} an orderly
 * kexec; the kdump kernel ({@link KdumpKernelStory}) boots inside the crashkernel region with its
 * own clock. The hardware is the {@link Platform}; {@link #run()} returns the {@link RunResult}.
 */
@KernelApi
public final class Machine {

    static final long MIB = 1L << 20;
    /** Time from machine_kexec to the kdump kernel's first instruction (purgatory checks the segments); a model value. */
    static final long PURGATORY_NS = 300_000_000L;
    /** Memory below this stays kernel #1's text and early data (never handed to the model's allocations). */
    static final long KERNEL1_RESERVED_LOW = 64 * MIB;

    private final MachineConfig config;
    private final Platform platform;
    private final KernelInstance first;
    private final CrashkernelReservation crash;
    private final KdumpMemory kdumpMemory;
    private final SplittableRandom jitter;
    private final KdumpKernelStory kdumpStory;
    private long panicNs = -1;
    private long runUntilNs = -1;

    public Machine(MachineConfig config) {
        this.config = config;
        checkCrashKernelLoadedBeforePanic(config);
        this.platform = new Platform(config);
        this.jitter = platform.simulation().random().stream("machine.jitter");
        PhysicalMemory mem = platform.memory();

        KernelCommandLine cmd1 = new KernelCommandLine(config.first().cmdline());
        KernelLog log1 = new KernelLog(platform.simulation(), "kernel1", 0);
        Memblock memblock = new Memblock(config.dram());
        memblock.reserve("kernel #1 image and early data", new AddressRange(config.dram().start(), KERNEL1_RESERVED_LOW));
        // kernel #1's log shows setup_arch's line at [0.000000]; the console model starts after it
        this.crash = config.arch().reserveCrashkernel(memblock, cmd1.text(), config.first().version(), log1);
        if (!crash.reserved()) {
            throw new IllegalArgumentException("kernel #1 reserved no crashkernel region (" + crash.reason()
                    + "); kdump needs crashkernel= on its command line");
        }
        mem.addRegion("crashkernel", crash.range().base(), crash.range().size(), "kdump", MemoryRoles.FREE_KDUMP);
        this.kdumpMemory = new KdumpMemory(mem, crash.range(), "kdump");
        List<AddressRange> free = PhysAllocator.subtract(config.dram().banks(),
                List.of(crash.range(), new AddressRange(config.dram().start(), KERNEL1_RESERVED_LOW)));
        PhysAllocator kernel1Pages = new PhysAllocator(free);
        this.first = new KernelInstance(config.first(),
                KernelInstance.context("kernel1", platform, config.arch(), config.first(), log1, kernel1Pages::allocate,
                        cmd1, false),
                platform.iommu(), platform.rootComplex());
        if (config.mitigations().contains(Mitigation.IOVA_RESERVE_CRASHKERNEL)) {
            first.reserveIovaRange(crash.range());
        }
        this.kdumpStory = new KdumpKernelStory(config, platform, kdumpMemory, crash.range(), this::scheduleAction,
                this::finishAt);
    }

    /**
     * {@code __crash_kexec} does nothing while {@code kexec_crash_image} is NULL: a panic before
     * kernel #1's userspace ran {@code kexec -p} would not boot a kdump kernel at all.
     */
    private static void checkCrashKernelLoadedBeforePanic(MachineConfig config) {
        long loadedAt = config.first().boot().startNs(BootTimeline.USERSPACE);
        for (TimelineEvent e : config.timeline()) {
            if (e.kind() == TimelineEvent.Kind.PANIC && e.atNs() < loadedAt) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the panic at %.3f s comes before kernel"
                        + " #1's userspace loads the crash kernel (kexec -p at %.3f s); with no crash kernel loaded there"
                        + " is no kdump: move the panic later", e.atNs() / 1e9, loadedAt / 1e9));
            }
        }
    }

    public Simulation simulation() {
        return platform.simulation();
    }

    public PhysicalMemory memory() {
        return platform.memory();
    }

    public RootComplex rootComplex() {
        return platform.rootComplex();
    }

    /** The IOMMU hardware of this machine. */
    public IommuHardware iommu() {
        return platform.iommu();
    }

    public AddressRange crashkernel() {
        return crash.range();
    }

    /** Runs the story to its end and returns what happened. */
    public RunResult run() {
        Simulation sim = platform.simulation();
        bootFirstKernel();
        for (TimelineEvent e : config.timeline()) {
            if (e.kind() == TimelineEvent.Kind.PANIC) {
                long at = e.atNs() + jitter.nextLong(1_000_000); // the crash lands anywhere within a millisecond
                sim.scheduleAt(at, x -> panic(), 0);
            } else if (!e.kdumpClock()) {
                scheduleAction(e, e.atNs());
            }
        }
        sim.runUntil(() -> runUntilNs >= 0); // until the end is known (run-until, or after the dump)
        if (runUntilNs >= 0) {
            sim.runUntil(Math.max(runUntilNs, sim.now()));
        }
        return RunSummary.of(this);
    }

    /** Ends the run at {@code atNs} unless a run-until already fixed the end. */
    private void finishAt(long atNs) {
        if (runUntilNs < 0) {
            runUntilNs = atNs;
        }
    }

    /** A timeline action at simulation time {@code at}. */
    private void scheduleAction(TimelineEvent e, long at) {
        Simulation sim = platform.simulation();
        RootComplex rc = platform.rootComplex();
        switch (e.kind()) {
            case RUN_UNTIL -> runUntilNs = at;
            case FLR -> sim.scheduleAt(at, x -> LinuxResetSequence.flr(rc, e.bdf(), o -> { }), 0);
            case SBR -> sim.scheduleAt(at, x -> {
                int child = firstChildOf(e.bdf());
                KernelConfig k = e.kdumpClock() ? config.kdump() : config.first();
                LinuxResetSequence.secondaryBusReset(rc, e.bdf(), child, k.version().get(Behaviours.SBR_WAIT), o -> { });
            }, 0);
            case CONFIG_WRITE -> sim.scheduleAt(at, x -> rc.configWrite(e.bdf(), e.offset(), e.width(), e.value()), 0);
            default -> { }
        }
    }

    int firstChildOf(int bridgeBdf) {
        for (EndpointFunction f : platform.rootComplex().endpointFunctions()) {
            if (f.device().upstreamPort().bdf() == bridgeBdf) {
                return f.bdf();
            }
        }
        return bridgeBdf;
    }

    // ---- kernel #1 --------------------------------------------------------------------------------

    private void bootFirstKernel() {
        Simulation sim = platform.simulation();
        BootTimeline t = config.first().boot();
        PhaseGate iommuProbed = new PhaseGate();
        sim.scheduleAt(t.startNs(BootTimeline.SMMU_PROBE), x -> first.probeIommu(iommuProbed::open), 0);
        sim.scheduleAt(t.startNs(BootTimeline.PCI_ENUMERATION), x -> iommuProbed.whenOpen(
                () -> first.enumerate(platform.rootComplex().endpointFunctions())), 0);
        sim.scheduleAt(t.startNs(BootTimeline.DRIVERS), x -> iommuProbed.whenOpen(this::probeFirstKernelDrivers), 0);
        // the kdump service runs kexec -p once userspace is up
        sim.scheduleAt(t.startNs(BootTimeline.USERSPACE), x -> kdumpMemory.loadSegments(), 0);
    }

    private void probeFirstKernelDrivers() {
        Simulation sim = platform.simulation();
        long dmaStart = Long.MIN_VALUE;
        for (TimelineEvent e : config.timeline()) {
            if (e.kind() == TimelineEvent.Kind.PANIC) {
                dmaStart = e.atNs() - config.steadyStateWindowNs();
            }
        }
        for (DriverSpec spec : config.first().drivers()) {
            if (spec.profile() == DriverProfile.NONE) {
                continue;
            }
            EndpointFunction fn = (EndpointFunction) platform.rootComplex().function(spec.bdf());
            DeviceDriver d = new DeviceDriver(first.ctx, spec, fn, platform.rootComplex());
            first.drivers.add(d);
            if (d.probe(first.domainFor(spec.bdf()))) {
                SplittableRandom phase = sim.random().stream("kernel1.dma." + Bdf.format(spec.bdf()));
                long at = Math.max(sim.now(), dmaStart);
                sim.scheduleAt(at, x -> d.startDma(phase), 0);
            }
        }
    }

    // ---- the crash --------------------------------------------------------------------------------

    private void panic() {
        Simulation sim = platform.simulation();
        panicNs = sim.now();
        platform.ledger().panicAt(panicNs);
        KernelLog log1 = first.ctx.log();
        for (DeviceDriver d : first.drivers) {
            d.cpusStopped();
        }
        first.iommuDriver.kernelStopped();
        if (config.mitigations().contains(Mitigation.KEXEC_NORMAL)) {
            // kernel_kexec(): device_shutdown() (drivers' .shutdown, pci_device_shutdown clears BME), IOMMU shutdown
            log1.printk(LogLevel.EMERG, "kexec_core: Starting new kernel\n");
            for (DeviceDriver d : first.drivers) {
                d.shutdownForKexec();
            }
            first.iommuDriver.shutdown();
        } else {
            log1.printk(LogLevel.EMERG, "Kernel panic - not syncing: Fatal exception\n");
            config.arch().crashShutdown(log1);
        }
        config.arch().machineKexec(log1);
        sim.scheduleAfter(PURGATORY_NS, x -> kdumpStory.boot(), 0);
    }

    // ---- for RunSummary and the explain view ------------------------------------------------------

    /** What this machine was built from. */
    public MachineConfig config() {
        return config;
    }

    Platform platform() {
        return platform;
    }

    Ledger ledger() {
        return platform.ledger();
    }

    KernelInstance firstKernel() {
        return first;
    }

    KernelInstance kdumpKernel() {
        return kdumpStory.kernel();
    }

    AerReporter aerReporter() {
        return kdumpStory.aerReporter();
    }

    long panicNs() {
        return panicNs;
    }

    long kdumpBootNs() {
        return kdumpStory.bootNs();
    }

    boolean dumpSaved() {
        return kdumpStory.dumpSaved();
    }

    String dumpFailure() {
        return kdumpStory.dumpFailure();
    }

    dev.kdumpsim.kernel.verdict.PcieErrorSummary pcieErrors() {
        return kdumpStory.pcieErrors();
    }

    /** How the kdump kernel ended the run (alive, panicked, hung). */
    dev.kdumpsim.kernel.verdict.KdumpKernelState kdumpKernelState() {
        return kdumpStory.state(platform.simulation().now());
    }

    String kdumpKernelReason() {
        return kdumpStory.stateReason(platform.simulation().now());
    }

    List<KernelInstance> kernels() {
        List<KernelInstance> l = new ArrayList<>();
        l.add(first);
        if (kdumpStory.kernel() != null) {
            l.add(kdumpStory.kernel());
        }
        return l;
    }

    /**
     * IOVA use of every driver of both kernels, one line each, for {@code kdumpsim explain}:
     * kernel, driver, mappings and the lowest/highest IOVA its device uses.
     */
    public List<String> iovaUse() {
        return MachineView.iovaUse(kernels());
    }
}
