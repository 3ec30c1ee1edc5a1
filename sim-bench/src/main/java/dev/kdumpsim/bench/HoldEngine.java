package dev.kdumpsim.bench;

/** One event-list implementation driven through the hold model; returns events per second. */
interface HoldEngine {

    String name();

    /** Fills {@code pending} events, then times {@code events} executions. */
    double run(int pending, long events, long seed);
}
