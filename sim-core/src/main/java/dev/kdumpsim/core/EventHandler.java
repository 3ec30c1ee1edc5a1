package dev.kdumpsim.core;

/**
 * What runs when a scheduled event fires.
 *
 * <p>A component usually implements this once and schedules itself many times, passing a
 * {@code long} argument (a ring index, a tag, a packed address) so that no object is allocated
 * per event. The simulation's clock already reads the event's time when {@link #onEvent} runs.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Runs the event.
     *
     * @param arg the argument given when the event was scheduled
     */
    void onEvent(long arg);
}
