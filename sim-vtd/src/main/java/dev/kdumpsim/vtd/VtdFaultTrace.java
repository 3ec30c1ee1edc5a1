package dev.kdumpsim.vtd;

import dev.kdumpsim.core.TraceRecord;

/**
 * Trace record of one DMA-remapping or interrupt-remapping fault; emitted only while the trace bus
 * has a listener.
 *
 * @param faultReason the {@link FaultReason} code ({@link FaultReason#linuxName} gives Linux's text)
 * @param sourceId requester-id
 * @param address the DMA address, or the MSI address of an interrupt request
 * @param write the request type
 * @param recorded whether a fault recording register took it (false: FPD, PFO, full, collapsed)
 */
public record VtdFaultTrace(long timeNs, String unit, int faultReason, int sourceId, long address, boolean write,
        boolean recorded) implements TraceRecord {

    /** One track per DMAR unit: its faults in order. */
    @Override
    public String traceTrack() {
        return unit + " faults";
    }

    /** The fault reason as the VT-d specification numbers it (Appendix A), e.g. "fault reason 0x01". */
    @Override
    public String traceName() {
        return String.format(java.util.Locale.ROOT, "fault reason 0x%02x", faultReason);
    }
}
