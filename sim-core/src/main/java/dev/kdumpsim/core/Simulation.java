package dev.kdumpsim.core;

import java.util.function.BooleanSupplier;

/**
 * One simulated machine's clock and pending events.
 *
 * <p>Time is a {@code long} count of nanoseconds from the start of the run; nothing in model
 * code reads the wall clock. Events are ordered by (time, insertion sequence), so events at
 * equal times run first-in first-out and a run is a pure function of its inputs and seed.
 *
 * <p>Scheduling returns a {@code long} token used to {@link #cancel} or {@link #reschedule}
 * the event; a token of an event that already ran or was cancelled is simply stale (those
 * calls return {@code false}). A handler that throws stops the run and the exception
 * propagates: modelled faults are outcomes, never swallowed exceptions.
 */
public final class Simulation {

    /** Time value meaning "no limit" for {@link #runUntil(long)}. */
    public static final long FOREVER = Long.MAX_VALUE;

    private final EventQueue queue = new EventQueue();
    private final RandomStreams random;
    private final Trace trace = new Trace();
    private long now;
    private long executed;
    private boolean stopRequested;

    /** Creates a simulation whose random streams derive from {@code seed}. */
    public Simulation(long seed) {
        this.random = new RandomStreams(seed);
    }

    /** Current simulated time in nanoseconds. */
    public long now() {
        return now;
    }

    /** The run's named random streams. */
    public RandomStreams random() {
        return random;
    }

    /** The run's trace bus. */
    public Trace trace() {
        return trace;
    }

    /** Number of events executed so far. */
    public long executedEvents() {
        return executed;
    }

    /** Number of events waiting to run. */
    public int pendingEvents() {
        return queue.size();
    }

    /** Time of the next pending event, or {@link #FOREVER} if none. */
    public long nextEventTime() {
        return queue.isEmpty() ? FOREVER : queue.minTime();
    }

    /** Schedules {@code handler.onEvent(0)} at absolute time {@code timeNs}. */
    public long scheduleAt(long timeNs, EventHandler handler) {
        return scheduleAt(timeNs, handler, 0L);
    }

    /** Schedules {@code handler.onEvent(arg)} at absolute time {@code timeNs} (not in the past). */
    public long scheduleAt(long timeNs, EventHandler handler, long arg) {
        if (timeNs < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + timeNs + " < now " + now);
        }
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        return queue.add(timeNs, handler, arg);
    }

    /** Schedules {@code handler.onEvent(0)} after {@code delayNs} (0 or more). */
    public long scheduleAfter(long delayNs, EventHandler handler) {
        return scheduleAfter(delayNs, handler, 0L);
    }

    /** Schedules {@code handler.onEvent(arg)} after {@code delayNs} (0 or more). */
    public long scheduleAfter(long delayNs, EventHandler handler, long arg) {
        if (delayNs < 0) {
            throw new IllegalArgumentException("negative delay: " + delayNs);
        }
        return scheduleAt(saturatingAdd(now, delayNs), handler, arg);
    }

    /** Cancels a pending event; returns false if it already ran or was cancelled. */
    public boolean cancel(long token) {
        return queue.cancel(token);
    }

    /**
     * Moves a pending event to {@code timeNs}; it runs after events already scheduled for that
     * same time. Returns false if the event is no longer pending.
     */
    public boolean reschedule(long token, long timeNs) {
        if (timeNs < now) {
            throw new IllegalArgumentException("cannot reschedule into the past: " + timeNs + " < now " + now);
        }
        return queue.reschedule(token, timeNs);
    }

    /** Whether the event behind {@code token} is still waiting to run. */
    public boolean isPending(long token) {
        return queue.isPending(token);
    }

    /** Scheduled time of a pending event. */
    public long timeOf(long token) {
        return queue.timeOf(token);
    }

    /** Asks the running loop to return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    /** Runs until no event is left (or {@link #stop()}). */
    public void run() {
        runUntil(FOREVER);
    }

    /**
     * Runs every event with time at or before {@code timeNs}, then sets the clock to
     * {@code timeNs} (unless stopped early or {@code timeNs} is {@link #FOREVER}).
     *
     * @return true if the run reached {@code timeNs} or emptied, false if stopped
     */
    public boolean runUntil(long timeNs) {
        if (timeNs < now) {
            throw new IllegalArgumentException("cannot run back to " + timeNs + " from " + now);
        }
        stopRequested = false;
        final EventQueue q = queue;
        int slot;
        while ((slot = q.pollUntil(timeNs)) >= 0) {
            fire(q, slot);
            if (stopRequested) {
                return false;
            }
        }
        if (timeNs != FOREVER) {
            now = timeNs;
        }
        return true;
    }

    /**
     * Runs events until {@code condition} holds (checked before the first and after each event),
     * the queue empties, or {@link #stop()}.
     *
     * @return true if the condition holds at return
     */
    public boolean runUntil(BooleanSupplier condition) {
        stopRequested = false;
        final EventQueue q = queue;
        while (!condition.getAsBoolean()) {
            int slot = q.pollUntil(FOREVER);
            if (slot < 0) {
                return false;
            }
            fire(q, slot);
            if (stopRequested) {
                return condition.getAsBoolean();
            }
        }
        return true;
    }

    /** Runs exactly one event if any; returns false if none was pending. */
    public boolean step() {
        int slot = queue.pollUntil(FOREVER);
        if (slot < 0) {
            return false;
        }
        fire(queue, slot);
        return true;
    }

    /** Runs the event just taken from {@code slot}; the slot is freed first, so the handler may reuse it. */
    private void fire(EventQueue q, int slot) {
        EventHandler h = q.handlerOf(slot);
        long a = q.argOf(slot);
        q.freeSlot(slot);
        now = q.lastPolledTime();
        executed++;
        h.onEvent(a);
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? FOREVER : r;
    }
}
