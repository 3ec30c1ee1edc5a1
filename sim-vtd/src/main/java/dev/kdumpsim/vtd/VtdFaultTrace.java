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
}
