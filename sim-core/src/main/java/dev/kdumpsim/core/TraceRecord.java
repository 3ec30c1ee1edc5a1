package dev.kdumpsim.core;

/**
 * Something that happened at a simulated time, as data.
 *
 * <p>Modules define their own record types (a DMA fate, an SMMU event, a kernel log message
 * with its arguments). Text is made only by the sinks that need it (kernel log, JSON,
 * Perfetto), so a run with no listener formats nothing.
 */
public interface TraceRecord {

    /** Simulated time in nanoseconds. */
    long timeNs();
}
