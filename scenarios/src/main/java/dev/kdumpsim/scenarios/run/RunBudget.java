package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.machine.TimelineEvent;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.model.IovaGranule;
import dev.kdumpsim.scenarios.model.Kernel;
import dev.kdumpsim.scenarios.model.KernelClock;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.model.TimelineAction;
import java.util.HashMap;
import java.util.Map;

/**
 * How much one run may cost, estimated from the scenario before anything runs and enforced while
 * it runs. The cost of a run is its DMA: every driver keeps its device doing
 * {@code dmaRatePerSec} transactions from its steady-state window before the panic until the
 * run ends (stale DMA does not stop at the crash), and each transaction is a few simulation
 * events (request, translation, completion). Measured on the library and the examples, a run
 * takes 0.2 to 1.3 events per (rate x second): stale DMA of kernel #1 stops once the device has
 * used the receive buffers posted before the crash, so {@link #EVENTS_PER_TRANSACTION} of 1.5
 * bounds them (report-2018's example: 11 M events, estimated 91 M). Memory and the kernel log
 * scale with the same budget: raising {@code maxEvents} raises all three. While running, the
 * event budget is enforced exactly, and a heap nearly full ends the run instead of an
 * OutOfMemoryError (some policies print a line per faulting transaction: minimal.yaml's 20 s of
 * kdump kernel log 109 MB).
 *
 * @param maxEvents simulation events one run may take (the CLI's {@code --max-events})
 */
public record RunBudget(long maxEvents) {

    /** The default: {@value} estimated events, about two minutes of simulation at the worst (1.7 M events/s); the library needs under 3 million. */
    public static final long DEFAULT_MAX_EVENTS = 200_000_000L;
    /** Upper bound of simulation events per DMA transaction at the driver's rate (see the class comment). */
    public static final double EVENTS_PER_TRANSACTION = 1.5;
    /** Memory of the default budget: what the run's drivers map (DMA-touched pages are kept) plus the simulator's own. */
    public static final long DEFAULT_MAX_MEMORY_BYTES = 4L << 30;
    /** Kernel log of the default budget. */
    public static final long DEFAULT_MAX_LOG_BYTES = 256L << 20;
    /** Rate-limited console output per device and second of simulated time (printk_ratelimited: 10 lines per 5 s). */
    static final double LOG_LINES_PER_DEVICE_SECOND = 2;
    static final long LOG_LINE_BYTES = 120;
    static final long BASE_LOG_LINES = 400;
    static final long SIMULATOR_BYTES = 256L << 20;
    /** sim-kernel Machine: purgatory time, dump-target wait, tail after the dump; MachineConfig's steady-state window. */
    static final long PURGATORY_NS = 300_000_000L;
    static final long DUMP_WAIT_NS = 30_000_000_000L;
    static final long TAIL_NS = 1_000_000_000L;
    static final long WINDOW_NS = 20_000_000L;

    public RunBudget {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1, not " + maxEvents);
        }
    }

    public static RunBudget defaults() {
        return new RunBudget(DEFAULT_MAX_EVENTS);
    }

    private double scale() {
        return Math.max(1.0, (double) maxEvents / DEFAULT_MAX_EVENTS);
    }

    public long maxMemoryBytes() {
        return (long) Math.min(Long.MAX_VALUE, DEFAULT_MAX_MEMORY_BYTES * scale());
    }

    public long maxLogBytes() {
        return (long) Math.min(Long.MAX_VALUE, DEFAULT_MAX_LOG_BYTES * scale());
    }

    /**
     * What a run of a scenario is expected to cost (upper estimates, as doubles: hostile inputs overflow longs).
     *
     * @param events simulation events
     * @param memoryBytes memory the run holds
     * @param logBytes kernel log text
     * @param simulatedNs simulated time from the first DMA to the end of the run
     * @param busiest the driver with the highest rate (null: no driver)
     * @param runUntil the run-until action that sets the end (null: the Machine's default end)
     */
    public record Estimate(double events, double memoryBytes, double logBytes, double simulatedNs, DriverConfig busiest,
            TimelineAction runUntil) {
    }

    /** Estimates a validated scenario's run. */
    public static Estimate estimate(Scenario s) {
        TimelineAction runUntil = null;
        long panicNs = 0;
        for (TimelineAction a : s.timeline()) {
            if (a.action() == TimelineEvent.Kind.PANIC) {
                panicNs = a.at().nanos();
            } else if (a.action() == TimelineEvent.Kind.RUN_UNTIL) {
                runUntil = a;
            }
        }
        double afterPanic;
        if (runUntil == null) {
            BootTimeline kdump = MachineAssembler.bootTimeline(s.kernels().kdump(), BootTimeline.kdumpKernelOfReport());
            afterPanic = PURGATORY_NS + (double) kdump.startNs(BootTimeline.USERSPACE) + DUMP_WAIT_NS + TAIL_NS;
        } else if (runUntil.clock() == KernelClock.KDUMP) {
            afterPanic = PURGATORY_NS + (double) runUntil.at().nanos();
        } else {
            afterPanic = Math.max(0, (double) runUntil.at().nanos() - panicNs);
        }
        double seconds = (WINDOW_NS + afterPanic) / 1e9;
        Map<Object, Long> rate = new HashMap<>(); // per device: the faster of its two drivers
        DriverConfig busiest = null;
        double mapped = 0;
        for (Kernel k : new Kernel[] {s.kernels().first(), s.kernels().kdump()}) {
            long g = k.iovaGranule() == IovaGranule.G64K ? 65536 : 4096;
            for (DriverConfig d : k.drivers()) {
                rate.merge(d.device(), d.dmaRatePerSec(), Math::max);
                if (busiest == null || d.dmaRatePerSec() > busiest.dmaRatePerSec()) {
                    busiest = d;
                }
                mapped += driverBytes(d, g);
            }
        }
        double transactions = 0;
        for (long r : rate.values()) {
            transactions += (double) r * seconds;
        }
        double events = transactions * EVENTS_PER_TRANSACTION;
        double memory = SIMULATOR_BYTES + Math.min(mapped, events * 4096.0);
        int devices = s.platform().pcie().topology().endpoints().size();
        double log = LOG_LINE_BYTES * (BASE_LOG_LINES + LOG_LINES_PER_DEVICE_SECOND * seconds * (1 + devices));
        return new Estimate(events, memory, log, WINDOW_NS + afterPanic, busiest, runUntil);
    }

    /** Bytes DeviceDriver.probe allocates: two rings of 16-byte descriptors, then granule-rounded buffers up to the footprint. */
    static double driverBytes(DriverConfig d, long g) {
        double ringBytes = (double) d.rings() * d.ringEntries() * 16;
        double per = Math.ceil((double) d.bufferSize().bytes() / g) * g;
        double buffers = Math.max(1, Math.min(1 << 20, Math.floor(d.iovaFootprint().bytes() / per)));
        return 2 * ringBytes + buffers * per;
    }

    /** Thrown from inside a run that passes {@link #maxEvents} or nearly fills the heap: the run is abandoned, not reported. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Exceeded(long maxEvents, long simulatedNs) {
            super(String.format(java.util.Locale.ROOT, "the run passed its budget of %d simulation events at %.3f s of simulated time"
                    + " (raise it with --max-events N)", maxEvents, simulatedNs / 1e9), null, false, false);
        }

        Exceeded(String message) {
            super(message, null, false, false);
        }

        /** The heap is nearly full: ending the run now leaves room to report it. */
        public static Exceeded heap(long simulatedNs, long usedBytes, long maxBytes) {
            return new Exceeded(String.format(java.util.Locale.ROOT, "the run used %d MiB of the %d MiB heap at %.3f s of simulated time"
                    + " and was stopped (give the JVM more memory, e.g. -Xmx, or shorten the run)", usedBytes >> 20, maxBytes >> 20,
                    simulatedNs / 1e9));
        }
    }

    /** Fraction of the heap in use past which a run is ended. */
    static final double HEAP_LIMIT = 0.92;

    /** Checks the heap (every 2^16 transactions: cheap); throws {@link Exceeded} when it is nearly full after a GC would not help. */
    static void checkHeap(long simulatedNs) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        if (used > HEAP_LIMIT * rt.maxMemory()) {
            System.gc(); // only when nearly full: count what is live, not garbage
            used = rt.totalMemory() - rt.freeMemory();
            if (used > HEAP_LIMIT * rt.maxMemory()) {
                throw Exceeded.heap(simulatedNs, used, rt.maxMemory());
            }
        }
    }
}
