package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.TraceRecord;

/**
 * Trace record of one raised SMMU event and its fate; emitted only while the trace bus has a listener.
 *
 * @param fate one of "written", "overflow", "queue-disabled", "merged"
 */
public record SmmuEventTrace(long timeNs, String smmu, int eventId, int streamId, long inputAddress, String fate)
        implements TraceRecord {
}
