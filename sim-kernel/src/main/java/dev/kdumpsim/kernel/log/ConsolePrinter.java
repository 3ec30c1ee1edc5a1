package dev.kdumpsim.kernel.log;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import java.util.ArrayDeque;

/**
 * One printing context (a kernel thread or an initcall) on a synchronous console: each line is
 * stored when the previous one has been written out, so consecutive lines are spaced by the
 * console's output time ({@link KernelLog#consoleLineNs}). Callers may queue several lines and a
 * callback that runs once everything queued so far is out (the context continues its work then).
 */
public final class ConsolePrinter implements EventHandler {

    private record Pending(LogLevel level, String devPrefix, String format, Object[] args, Runnable then) {
    }

    private final Simulation sim;
    private final KernelLog log;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean busy;
    private boolean draining;
    private boolean halted;

    public ConsolePrinter(Simulation sim, KernelLog log) {
        this.sim = sim;
        this.log = log;
    }

    public KernelLog log() {
        return log;
    }

    /** Queues a dev_printk-style line (dropped once the kernel {@link #halt halted}). */
    public void print(LogLevel level, String devPrefix, String format, Object... args) {
        if (halted) {
            return;
        }
        queue.add(new Pending(level, devPrefix, format, args, null));
        kick();
    }

    /**
     * The kernel stopped (panic: the other CPUs are stopped and this one spins after
     * {@code console_flush_on_panic}): what is queued still goes out, nothing new is accepted.
     */
    public void halt() {
        halted = true;
    }

    /** Runs {@code then} when every line queued before it has been written to the console. */
    public void then(Runnable then) {
        queue.add(new Pending(null, null, null, null, then));
        kick();
    }

    /** Whether lines are still waiting or being written. */
    public boolean isBusy() {
        return busy || !queue.isEmpty();
    }

    private void kick() {
        if (!busy && !draining) {
            drain();
        }
    }

    @Override
    public void onEvent(long unused) {
        busy = false;
        drain();
    }

    /** Writes queued lines until one needs console time; callbacks may queue more (no re-entry). */
    private void drain() {
        draining = true;
        try {
            drainLoop();
        } finally {
            draining = false;
        }
    }

    private void drainLoop() {
        while (!queue.isEmpty()) {
            Pending p = queue.poll();
            if (p.then() != null) {
                p.then().run();
                continue;
            }
            LogRecord r = log.devPrintk(p.level(), p.devPrefix(), p.format(), p.args());
            long cost = log.consoleLineNs(r);
            if (cost > 0) {
                busy = true;
                sim.scheduleAfter(cost, this, 0);
                return;
            }
        }
    }
}
