package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.log.LogRecords;
import dev.kdumpsim.kernel.verdict.AerDeviceSummary;
import dev.kdumpsim.kernel.verdict.PcieErrorSummary;
import dev.kdumpsim.kernel.verdict.LedgerFate;
import dev.kdumpsim.kernel.verdict.SmmuEventSummary;
import dev.kdumpsim.kernel.verdict.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced.
 *
 * @param kernel1Log kernel #1's printk records (read in order: most are in the kernel's spill file, not on the heap)
 * @param kdumpLog the kdump kernel's printk records (empty if it never booted)
 * @param verdict the verdict
 * @param issued DMA transactions issued
 * @param fates one count per ledger fate, in {@link LedgerFate} order
 * @param inFlight transactions still on their way when the run stopped
 * @param smmuEvents SMMU event accounting
 * @param aer per endpoint function, in BDF order
 * @param panicNs simulation time of the panic
 * @param kdumpBootNs simulation time the kdump kernel's clock started (-1 if never)
 * @param endNs simulation time the run stopped
 * @param bypassWindow [start, end] simulation times of the SMMU bypass window in the kdump kernel, or empty
 * @param events simulation events executed
 * @param pcieErrors how the kdump kernel handled PCIe errors
 */
@KernelApi
public record RunResult(LogRecords kernel1Log, LogRecords kdumpLog, Verdict verdict, long issued,
        Map<LedgerFate, Long> fates, long inFlight, SmmuEventSummary smmuEvents, List<AerDeviceSummary> aer,
        long panicNs, long kdumpBootNs, long endNs, List<Long> bypassWindow, long events, PcieErrorSummary pcieErrors) {

    /** The run's counter groups in report.json's order: IOMMU events, AER per function, PCIe error handling. */
    public java.util.List<dev.kdumpsim.kernel.verdict.StatsGroup> stats() {
        return java.util.List.of(smmuEvents.stats(), AerDeviceSummary.stats(aer), pcieErrors.stats());
    }

    public RunResult {
        java.util.Objects.requireNonNull(kernel1Log, "kernel1Log");
        java.util.Objects.requireNonNull(kdumpLog, "kdumpLog");
        fates = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(fates));
        aer = List.copyOf(aer);
        bypassWindow = List.copyOf(bypassWindow);
    }

    /** Sum of all fates plus in-flight: always equals {@link #issued()}. */
    public long accounted() {
        long s = inFlight;
        for (long v : fates.values()) {
            s += v;
        }
        return s;
    }

    /** Both logs as dmesg text: kernel #1's, then the kdump kernel's (each with its own clock); for tests and short runs. */
    public String renderLogs() {
        StringBuilder sb = new StringBuilder();
        for (LogRecord r : kernel1Log) {
            sb.append(r.line()).append('\n');
        }
        for (LogRecord r : kdumpLog) {
            sb.append(r.line()).append('\n');
        }
        return sb.toString();
    }
}
