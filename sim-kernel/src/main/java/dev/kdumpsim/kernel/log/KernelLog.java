package dev.kdumpsim.kernel.log;

import dev.kdumpsim.core.Simulation;
import java.util.Arrays;
import java.util.Collections;

/**
 * The printk ring buffer of one kernel instance, with that kernel's own clock.
 *
 * <p>The clock is {@code local_clock()}: simulation time minus the time this kernel started, so
 * the kdump kernel's log restarts at {@code [    0.000000]} (kernel/printk/printk.c stamps each
 * record with {@code local_clock()} in {@code log_store}). Records are stored with their format
 * and arguments and emitted on the simulation's trace bus; text is made only when rendered.
 * Records are kept in a {@link LogStore}: the latest few thousand on the heap, the rest in a
 * spill file, so a long run's log costs disk, not heap.
 * Not modelled: console loglevel filtering (this is the dmesg view, all levels), ring-buffer
 * wrap (every record is kept: the simulated dmesg is the whole log), continuation lines ({@code KERN_CONT}).
 */
public final class KernelLog {

    private final Simulation sim;
    private final String kernelId;
    private final long bootTimeNs;
    private final LogStore records;
    private int consoleBaud;

    /**
     * @param sim        the simulation whose clock drives this log
     * @param kernelId   name of the kernel instance ("kernel1", "kdump")
     * @param bootTimeNs simulation time at which this kernel's clock reads 0
     */
    public KernelLog(Simulation sim, String kernelId, long bootTimeNs) {
        this(sim, kernelId, bootTimeNs, LogStore.DEFAULT_WINDOW);
    }

    /** A log keeping at most {@code window} records on the heap (tests move the spill boundary with it). */
    public KernelLog(Simulation sim, String kernelId, long bootTimeNs, int window) {
        this.records = new LogStore(window);
        this.sim = sim;
        this.kernelId = kernelId;
        this.bootTimeNs = bootTimeNs;
    }

    public String kernelId() {
        return kernelId;
    }

    public long bootTimeNs() {
        return bootTimeNs;
    }

    /** {@code local_clock()} of this kernel, in ns. */
    public long clockNs() {
        long t = sim.now() - bootTimeNs;
        if (t < 0) {
            throw new IllegalStateException(kernelId + " has not booted yet at simulation time " + sim.now());
        }
        return t;
    }

    /** {@code printk(KERN_<level> fmt, args...)} at the current time. */
    public LogRecord printk(LogLevel level, String format, Object... args) {
        return devPrintk(level, "", format, args);
    }

    /**
     * {@code dev_printk}: {@code devPrefix} is {@code "<driver or bus> <dev_name>: "} as
     * {@code __dev_printk} builds it from {@code dev_driver_string()} and {@code dev_name()}.
     */
    public LogRecord devPrintk(LogLevel level, String devPrefix, String format, Object... args) {
        return printkAt(clockNs(), level, devPrefix, format, args);
    }

    /**
     * A record stamped with an explicit kernel time, for messages printed before the scheduler
     * clock runs (setup_arch prints at {@code [    0.000000]}).
     */
    public LogRecord printkAt(long kernelTimeNs, LogLevel level, String devPrefix, String format, Object... args) {
        LogRecord r = new LogRecord(kernelId, sim.now(), kernelTimeNs, level, devPrefix, format,
                Collections.unmodifiableList(Arrays.asList(args.clone())));
        records.add(r);
        if (sim.trace().enabled()) {
            sim.trace().emit(r);
        }
        return r;
    }

    /**
     * A synchronous serial console at {@code baud} (8N1: 10 bits per character), 0 for none. Pre-5.x
     * printk() wrote to the console inside console_unlock() before returning, so a code path that
     * prints several lines is slowed by the UART: the 2018 report's lines are spaced by exactly
     * (length + CR LF) x 10 / 115200 s (e.g. 8.07 ms after the 91-character "ias 44-bit" line).
     */
    public void setConsoleBaud(int baud) {
        if (baud < 0) {
            throw new IllegalArgumentException("baud must be >= 0");
        }
        this.consoleBaud = baud;
    }

    public int consoleBaud() {
        return consoleBaud;
    }

    /** Time the console needs to output {@code r} (its dmesg line plus CR LF), 0 without a console. */
    public long consoleLineNs(LogRecord r) {
        if (consoleBaud == 0) {
            return 0;
        }
        return (r.line().length() + 2) * 10L * 1_000_000_000L / consoleBaud;
    }

    /** All records printed so far, in order (a view: later records are not in it). */
    public LogRecords records() {
        return new LogRecords(records, records.size());
    }

    /** Records of this log on the heap (at most the window; the rest are in the spill file). */
    public int residentRecords() {
        return records.resident();
    }

    /** The dmesg text: one line per record, each ending in "\n". */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (LogRecord r : records()) {
            sb.append(r.line()).append('\n');
        }
        return sb.toString();
    }

    /** Number of records whose text contains {@code needle} (renders text; for reports and tests). */
    public int count(String needle) {
        int n = 0;
        for (LogRecord r : records()) {
            if (r.text().contains(needle)) {
                n++;
            }
        }
        return n;
    }
}
