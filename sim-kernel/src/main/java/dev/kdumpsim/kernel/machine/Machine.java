package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.KernelCommandLine;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.driver.DeviceDriver;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.mm.Arm64Crashkernel;
import dev.kdumpsim.kernel.mm.CrashkernelReservation;
import dev.kdumpsim.kernel.mm.KdumpMemory;
import dev.kdumpsim.kernel.mm.Memblock;
import dev.kdumpsim.kernel.mm.MemoryRoles;
import dev.kdumpsim.kernel.mm.PhysAllocator;
import dev.kdumpsim.kernel.pci.AerReporter;
import dev.kdumpsim.kernel.pci.EarlyQuiesce;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.verdict.Ledger;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.LinuxResetSequence;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.SbrWaitPolicy;
import dev.kdumpsim.smmuv3.SmmuV3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One machine and its two kernels on one simulation clock: kernel #1 boots, reserves the
 * crashkernel region, maps DMA and runs its devices; it panics and takes the crash path
 * ({@code panic → __crash_kexec → machine_crash_shutdown → machine_kexec}: no device shutdown, no
 * Bus Master clear, the SMMU left enabled), or with {@link Mitigation#KEXEC_NORMAL} an orderly
 * kexec; the kdump kernel boots inside the crashkernel region with its own clock, probes the SMMU
 * under its policy, enumerates PCI, reports AER, binds its drivers and saves the dump.
 * {@link #run()} returns the {@link RunResult}.
 */
public final class Machine {

    static final long MIB = 1L << 20;
    /** Time from machine_kexec to the kdump kernel's first instruction (purgatory checks the segments); a model value. */
    static final long PURGATORY_NS = 300_000_000L;
    /** Memory below this stays kernel #1's text and early data (never handed to the model's allocations). */
    static final long KERNEL1_RESERVED_LOW = 64 * MIB;
    /** Run this long after the dump attempt when the timeline has no run-until. */
    static final long TAIL_NS = 1_000_000_000L;

    private final MachineConfig config;
    private final Simulation sim;
    private final PhysicalMemory mem;
    private final SmmuV3 smmu;
    private final RootComplex rc;
    private final Ledger ledger;
    private final Map<Integer, Integer> rootPortOfBus = new LinkedHashMap<>();
    private final KernelInstance first;
    private final CrashkernelReservation crash;
    private final KdumpMemory kdumpMemory;
    private final SplittableRandom jitter;
    private KernelInstance kdump;
    private KernelLog kdumpLog;
    private AerReporter aerReporter;
    private long panicNs = -1;
    private long kdumpBootNs = -1;
    private Boolean dumpSaved;
    private String dumpFailure = "the kdump kernel did not reach userspace";
    private long runUntilNs = -1;

    public Machine(MachineConfig config) {
        this.config = config;
        checkCrashKernelLoadedBeforePanic(config);
        this.sim = new Simulation(config.seed());
        this.mem = new PhysicalMemory(sim);
        this.jitter = sim.random().stream("machine.jitter");
        int i = 0;
        for (AddressRange bank : config.dram().banks()) {
            mem.addRegion("DRAM bank " + i++, bank.base(), bank.size(), "kernel1", MemoryRoles.KERNEL1);
        }
        this.smmu = new SmmuV3("smmu0", sim, mem, config.smmu());
        this.rc = new RootComplex(sim, mem, smmu, config.rootComplex());
        this.ledger = new Ledger();
        rc.addObserver(ledger);
        buildTopology();

        KernelCommandLine cmd1 = new KernelCommandLine(config.first().cmdline());
        KernelLog log1 = new KernelLog(sim, "kernel1", 0);
        Memblock memblock = new Memblock(config.dram());
        memblock.reserve("kernel #1 image and early data", new AddressRange(config.dram().start(), KERNEL1_RESERVED_LOW));
        // kernel #1's log shows setup_arch's line at [0.000000]; the console model starts after it
        this.crash = Arm64Crashkernel.reserve(memblock, cmd1.text(), true, log1);
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
                KernelInstance.context("kernel1", this, log1, kernel1Pages::allocate, cmd1, false), smmu, rc,
                config.evtqMaxShift());
        if (config.mitigations().contains(Mitigation.IOVA_RESERVE_CRASHKERNEL)) {
            first.reserveIovaRange(crash.range());
        }
    }

    /**
     * {@code __crash_kexec} does nothing while {@code kexec_crash_image} is NULL: a panic before
     * kernel #1's userspace ran {@code kexec -p} would not boot a kdump kernel at all.
     */
    private static void checkCrashKernelLoadedBeforePanic(MachineConfig config) {
        long loadedAt = config.first().boot().startNs(BootTimeline.USERSPACE);
        for (TimelineEvent e : config.timeline()) {
            if (e.kind() == TimelineEvent.Kind.PANIC && e.atNs() < loadedAt) {
                throw new IllegalArgumentException(String.format("the panic at %.3f s comes before kernel #1's userspace"
                        + " loads the crash kernel (kexec -p at %.3f s); with no crash kernel loaded there is no kdump:"
                        + " move the panic later", e.atNs() / 1e9, loadedAt / 1e9));
            }
        }
    }

    private void buildTopology() {
        Map<Integer, PcieBridge> ports = new LinkedHashMap<>();
        int nextBus = 1;
        for (int rp : config.rootPorts()) {
            int bus = -1;
            for (EndpointConfig e : config.endpoints()) {
                if (e.rootPortBdf() == rp) {
                    bus = Bdf.bus(e.bdf());
                }
            }
            if (bus < 0) {
                while (busUsed(nextBus)) {
                    nextBus++;
                }
                bus = nextBus++;
            }
            PcieBridge port = rc.addRootPort(Bdf.device(rp), bus);
            ports.put(rp, port);
            rootPortOfBus.put(bus << 8, rp);
        }
        for (EndpointConfig e : config.endpoints()) {
            PcieBridge port = ports.get(e.rootPortBdf());
            if (port == null) {
                throw new IllegalArgumentException("endpoint " + Bdf.format(e.bdf()) + " is below " + Bdf.format(e.rootPortBdf())
                        + ", which is not a root port");
            }
            port.attachEndpoint(e.params());
        }
        rc.enableAllBridges();
    }

    private boolean busUsed(int bus) {
        for (EndpointConfig e : config.endpoints()) {
            if (Bdf.bus(e.bdf()) == bus) {
                return true;
            }
        }
        return false;
    }

    public Simulation simulation() {
        return sim;
    }

    public PhysicalMemory memory() {
        return mem;
    }

    public RootComplex rootComplex() {
        return rc;
    }

    public SmmuV3 smmu() {
        return smmu;
    }

    public AddressRange crashkernel() {
        return crash.range();
    }

    /** Runs the story to its end and returns what happened. */
    public RunResult run() {
        bootFirstKernel();
        for (TimelineEvent e : config.timeline()) {
            if (e.kind() == TimelineEvent.Kind.PANIC) {
                long at = e.atNs() + jitter.nextLong(1_000_000); // the crash lands anywhere within a millisecond
                sim.scheduleAt(at, x -> panic(), 0);
            } else if (!e.kdumpClock()) {
                schedule(e, e.atNs());
            }
        }
        sim.runUntil(() -> runUntilNs >= 0); // until the end is known (run-until, or after the dump)
        if (runUntilNs >= 0) {
            sim.runUntil(Math.max(runUntilNs, sim.now()));
        }
        return RunSummary.of(this);
    }

    private void schedule(TimelineEvent e, long at) {
        switch (e.kind()) {
            case RUN_UNTIL -> runUntilNs = at;
            case FLR -> sim.scheduleAt(at, x -> LinuxResetSequence.flr(rc, e.bdf(), o -> { }), 0);
            case SBR -> sim.scheduleAt(at, x -> {
                int child = firstChildOf(e.bdf());
                LinuxResetSequence.secondaryBusReset(rc, e.bdf(), child, SbrWaitPolicy.V4_19_SSLEEP_1S, o -> { });
            }, 0);
            case CONFIG_WRITE -> sim.scheduleAt(at, x -> rc.configWrite(e.bdf(), e.offset(), e.width(), e.value()), 0);
            default -> { }
        }
    }

    int firstChildOf(int bridgeBdf) {
        for (EndpointFunction f : rc.endpointFunctions()) {
            if (f.device().upstreamPort().bdf() == bridgeBdf) {
                return f.bdf();
            }
        }
        return bridgeBdf;
    }

    // ---- kernel #1 --------------------------------------------------------------------------------

    private void bootFirstKernel() {
        BootTimeline t = config.first().boot();
        sim.scheduleAt(t.startNs(BootTimeline.SMMU_PROBE), x -> first.smmuDriver.probe(ok -> { }), 0);
        sim.scheduleAt(t.startNs(BootTimeline.PCI_ENUMERATION), x -> first.enumerate(rc.endpointFunctions()), 0);
        sim.scheduleAt(t.startNs(BootTimeline.DRIVERS), x -> probeFirstKernelDrivers(), 0);
        // the kdump service runs kexec -p once userspace is up
        sim.scheduleAt(t.startNs(BootTimeline.USERSPACE), x -> kdumpMemory.loadSegments(), 0);
    }

    private void probeFirstKernelDrivers() {
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
            EndpointFunction fn = (EndpointFunction) rc.function(spec.bdf());
            DeviceDriver d = new DeviceDriver(first.ctx, spec, fn, rc);
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
        panicNs = sim.now();
        ledger.panicAt(panicNs);
        KernelLog log1 = first.ctx.log();
        for (DeviceDriver d : first.drivers) {
            d.cpusStopped();
        }
        if (first.smmuDriver.eventThread() != null) {
            first.smmuDriver.eventThread().kernelStopped();
        }
        if (config.mitigations().contains(Mitigation.KEXEC_NORMAL)) {
            // kernel_kexec(): device_shutdown() (drivers' .shutdown, pci_device_shutdown clears BME), SMMU shutdown
            log1.printk(LogLevel.EMERG, "kexec_core: Starting new kernel\n");
            for (DeviceDriver d : first.drivers) {
                d.shutdownForKexec();
            }
            first.smmuDriver.shutdown();
        } else {
            log1.printk(LogLevel.EMERG, "Kernel panic - not syncing: Fatal exception\n");
            log1.printk(LogLevel.INFO, "Starting crashdump kernel...\n"); // arm64 machine_crash_shutdown
        }
        log1.printk(LogLevel.INFO, "Bye!\n"); // arm64 machine_kexec
        sim.scheduleAfter(PURGATORY_NS, x -> bootKdumpKernel(), 0);
    }

    // ---- the kdump kernel -------------------------------------------------------------------------

    private void bootKdumpKernel() {
        kdumpBootNs = sim.now();
        KernelCommandLine cmd = new KernelCommandLine(config.kdump().cmdline());
        kdumpLog = new KernelLog(sim, "kdump", kdumpBootNs);
        kdump = new KernelInstance(config.kdump(),
                KernelInstance.context("kdump", this, kdumpLog, kdumpMemory::allocatePages, cmd, true), smmu, rc,
                config.evtqMaxShift());
        kdumpMemory.bootMemblock();
        kdumpLog.printkAt(0, LogLevel.INFO, "", "Reserving %lldKB of memory at 0x%llx for elfcorehdr\n", 64L,
                crash.range().end() - (64L << 10));
        BootTimeline t = config.kdump().boot();
        long b = kdumpBootNs;
        sim.scheduleAt(b + t.startNs(BootTimeline.EARLY_INIT), x -> earlyInit(), 0);
        sim.scheduleAt(b + t.startNs(BootTimeline.SMMU_PROBE), x -> kdump.smmuDriver.probe(ok -> { }), 0);
        sim.scheduleAt(b + t.startNs(BootTimeline.PCI_ENUMERATION), x -> kdumpPciEnumeration(), 0);
        sim.scheduleAt(b + t.startNs(BootTimeline.DRIVERS), x -> kdumpDrivers(), 0);
        sim.scheduleAt(b + t.startNs(BootTimeline.USERSPACE), x -> saveDump(), 0);
        for (TimelineEvent e : config.timeline()) {
            if (e.kdumpClock()) {
                schedule(e, b + e.atNs());
            }
        }
    }

    private void earlyInit() {
        kdumpMemory.earlyWorkingSet();
        EarlyQuiesce.apply(config.mitigations(), rc, kdump.ctx);
    }

    private void kdumpPciEnumeration() {
        aerReporter = new AerReporter(rc, config.kdump().aerNative());
        kdump.reportAer(rc.endpointFunctions(), aerReporter, rootPortOfBus);
        kdump.enumerate(rc.endpointFunctions());
    }

    private void kdumpDrivers() {
        for (DriverSpec spec : config.kdump().drivers()) {
            if (spec.profile() == DriverProfile.NONE) {
                continue;
            }
            EndpointFunction fn = (EndpointFunction) rc.function(spec.bdf());
            DeviceDriver d = new DeviceDriver(kdump.ctx, spec, fn, rc);
            kdump.drivers.add(d);
            int sid = rc.streamId(spec.bdf());
            d.kdumpProbe(kdump.domainFor(spec.bdf()), kdump.cmdline.resetDevices(), () -> {
                ledger.markKdumpOwned(spec.bdf());
                if (kdump.smmuDriver.isAttachDeferred(sid)) {
                    // kdump-adopt: the deferred attach happens at the driver's first DMA API use
                    kdump.smmuDriver.attach(sid, kdump.domainFor(spec.bdf()).cdAddress(), () -> { });
                }
            }, ok -> { });
        }
    }

    /** How long kdump userspace waits for its dump target to appear (dracut's default device timeout is longer; a model value). */
    static final long DUMP_TARGET_WAIT_NS = 30_000_000_000L;
    private long dumpWaitStart = -1;

    private void saveDump() {
        DeviceDriver target = dumpTarget();
        if (target != null && !target.probeFinished()) {
            // the kdump initramfs waits for the dump target's driver (FLR and settle delays included)
            if (dumpWaitStart < 0) {
                dumpWaitStart = sim.now();
            }
            if (sim.now() - dumpWaitStart < DUMP_TARGET_WAIT_NS) {
                sim.scheduleAfter(10_000_000L, x -> saveDump(), 0);
                return;
            }
        }
        ledger.capturedAt(sim.now());
        if (target == null) {
            dumpSaved = false;
            dumpFailure = "no dump target: the kdump kernel binds no storage or network driver";
            kdumpLog.printk(LogLevel.ERR, "kdump: saving vmcore failed: no dump target\n");
            finishAfterDump();
            return;
        }
        target.writeDump(ok -> {
            dumpSaved = ok;
            dumpFailure = ok ? "" : "the dump target's DMA failed (" + Bdf.pciName(target.function().bdf()) + ")";
            kdumpLog.printk(ok ? LogLevel.INFO : LogLevel.ERR, ok ? "kdump: saving vmcore complete\n"
                    : "kdump: saving vmcore failed\n");
            finishAfterDump();
        });
    }

    private void finishAfterDump() {
        if (runUntilNs < 0) {
            runUntilNs = sim.now() + TAIL_NS;
        }
    }

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

    // ---- for RunSummary ---------------------------------------------------------------------------

    /** What this machine was built from. */
    public MachineConfig config() {
        return config;
    }

    Ledger ledger() {
        return ledger;
    }

    KernelInstance firstKernel() {
        return first;
    }

    KernelInstance kdumpKernel() {
        return kdump;
    }

    AerReporter aerReporter() {
        return aerReporter;
    }

    long panicNs() {
        return panicNs;
    }

    long kdumpBootNs() {
        return kdumpBootNs;
    }

    boolean dumpSaved() {
        return dumpSaved != null && dumpSaved;
    }

    String dumpFailure() {
        return dumpSaved != null && dumpSaved ? "" : dumpFailure;
    }

    List<KernelInstance> kernels() {
        List<KernelInstance> l = new ArrayList<>();
        l.add(first);
        if (kdump != null) {
            l.add(kdump);
        }
        return l;
    }

    /**
     * IOVA use of every driver of both kernels, one line each, for {@code kdumpsim explain}:
     * kernel, driver, mappings and the lowest/highest IOVA its device uses.
     */
    public List<String> iovaUse() {
        List<String> out = new ArrayList<>();
        for (KernelInstance k : kernels()) {
            for (DeviceDriver d : k.drivers) {
                long[] span = d.iovaSpan();
                out.add(span.length == 0 ? k.ctx.id() + " " + d.devPrefix() + "no mappings"
                        : String.format("%s %s%d receive buffers + rings + MSI page, IOVA 0x%08x - 0x%08x", k.ctx.id(),
                                d.devPrefix(), d.bufferCount(), span[0], span[1]));
            }
        }
        return out;
    }
}
