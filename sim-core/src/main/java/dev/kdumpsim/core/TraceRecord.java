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

    /**
     * The timeline this record belongs to in a trace viewer (a device, an SMMU, a kernel); by
     * default the record type's simple name. Override to put a module's records on its own track.
     */
    default String traceTrack() {
        return getClass().getSimpleName();
    }

    /** The label of this record in a trace viewer; by default the record type's simple name. */
    default String traceName() {
        return getClass().getSimpleName();
    }
}
