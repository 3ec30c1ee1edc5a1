package dev.kdumpsim.kernel.smmu;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

/**
 * A driver code path of register writes and polls, run on the simulation clock: each step does
 * its MMIO, then the path polls its condition every {@link #POLL_NS} (readl_relaxed_poll_timeout)
 * until it holds or {@link #TIMEOUT_NS} passes ({@code ARM_SMMU_POLL_TIMEOUT_US} = 100).
 * Allocation happens when a path is built, never per transaction.
 */
final class MmioSequence implements EventHandler {

    static final long POLL_NS = 1_000;
    static final long TIMEOUT_NS = 100_000;

    /** A step: an action, then a condition to poll for, then an optional extra delay. */
    record Step(String what, Runnable action, BooleanSupplier until, long delayNs) {
    }

    /** Called when a poll times out; Linux returns -ETIMEDOUT and logs. */
    interface TimeoutHandler {
        void timedOut(String what);
    }

    private final Simulation sim;
    private final ArrayDeque<Step> steps = new ArrayDeque<>();
    private final TimeoutHandler onTimeout;
    private Step current;
    private long deadline;
    private Runnable onDone;

    MmioSequence(Simulation sim, TimeoutHandler onTimeout) {
        this.sim = sim;
        this.onTimeout = onTimeout;
    }

    MmioSequence step(String what, Runnable action) {
        steps.add(new Step(what, action, null, 0));
        return this;
    }

    MmioSequence poll(String what, Runnable action, BooleanSupplier until) {
        steps.add(new Step(what, action, until, 0));
        return this;
    }

    /** A step that takes {@code delayNs} of CPU time after its action (e.g. request_irq). */
    MmioSequence delay(String what, Runnable action, long delayNs) {
        steps.add(new Step(what, action, null, delayNs));
        return this;
    }

    void run(Runnable done) {
        this.onDone = done;
        next();
    }

    private void next() {
        while (!steps.isEmpty()) {
            current = steps.poll();
            if (current.action() != null) {
                current.action().run();
            }
            if (current.until() != null && !current.until().getAsBoolean()) {
                deadline = sim.now() + TIMEOUT_NS;
                sim.scheduleAfter(POLL_NS, this, 0);
                return;
            }
            if (current.delayNs() > 0) {
                long d = current.delayNs();
                current = null;
                sim.scheduleAfter(d, this::resume, 0);
                return;
            }
        }
        current = null;
        if (onDone != null) {
            Runnable d = onDone;
            onDone = null;
            d.run();
        }
    }

    private void resume(long unused) {
        next();
    }

    @Override
    public void onEvent(long unused) {
        if (current.until().getAsBoolean()) {
            next();
        } else if (sim.now() >= deadline) {
            onTimeout.timedOut(current.what());
            next();
        } else {
            sim.scheduleAfter(POLL_NS, this, 0);
        }
    }
}
