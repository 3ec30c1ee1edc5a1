package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.TraceRecord;

/**
 * Trace record of one raised SMMU event and its fate; emitted only while the trace bus has a listener.
 *
 * @param fate one of "written", "overflow", "queue-disabled", "merged"
 */
public record SmmuEventTrace(long timeNs, String smmu, int eventId, int streamId, long inputAddress, String fate)
        implements TraceRecord {

    /** One track per SMMU instance: its raised events in order. */
    @Override
    public String traceTrack() {
        return smmu + " events";
    }

    /** The event's architected name (IHI0070 §7.3, e.g. C_BAD_STREAMID). */
    @Override
    public String traceName() {
        return EventId.name(eventId);
    }
}
