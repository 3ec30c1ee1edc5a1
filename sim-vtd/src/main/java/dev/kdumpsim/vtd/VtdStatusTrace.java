package dev.kdumpsim.vtd;

import dev.kdumpsim.core.TraceRecord;

/**
 * Trace record of one change of a unit's GSTS_REG (VT-d 10.4.5): a GCMD command taking effect
 * (TES, QIES, IRES, CFIS, RTPS, IRTPS set or cleared) or SRTP/SIRTP clearing RTPS/IRTPS at once.
 * Emitted only while the trace bus has a listener.
 *
 * @param timeNs simulation time of the change
 * @param unit the unit's name (e.g. "dmar0")
 * @param gsts GSTS_REG after the change ({@link VtdRegisters#GSTS_TES} and the other bits)
 */
public record VtdStatusTrace(long timeNs, String unit, int gsts) implements TraceRecord {
}
