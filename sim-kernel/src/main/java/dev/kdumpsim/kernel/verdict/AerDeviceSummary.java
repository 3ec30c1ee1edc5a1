package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.List;

/**
 * AER state of one endpoint function at the end of the run.
 *
 * @param bdf "0000:01:00.0"
 * @param errors errors the function detected (each aborted or timed-out completion)
 * @param abortedCompletions completions with UR/CA status it received
 * @param completionTimeouts reads that timed out
 * @param reportedErrors AER error names the kdump kernel printed for it
 * @param uncorrectableStatus Uncorrectable Error Status still pending at the end
 * @param wedged the function stopped working
 */
@KernelApi
public record AerDeviceSummary(String bdf, long errors, long abortedCompletions, long completionTimeouts,
        List<String> reportedErrors, int uncorrectableStatus, boolean wedged) {

    public AerDeviceSummary {
        reportedErrors = List.copyOf(reportedErrors);
    }

    /** report.json's {@code aer}: per function (by name, in the given order) its error counters and state. */
    public static StatsGroup stats(List<AerDeviceSummary> devices) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (AerDeviceSummary a : devices) {
            java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("errors", a.errors());
            d.put("abortedCompletions", a.abortedCompletions());
            d.put("completionTimeouts", a.completionTimeouts());
            d.put("reported", new java.util.ArrayList<>(a.reportedErrors()));
            d.put("uncorrectableStatus", String.format(java.util.Locale.ROOT, "0x%08x", a.uncorrectableStatus()));
            d.put("wedged", a.wedged());
            m.put(a.bdf(), d);
        }
        return new StatsGroup("aer", m);
    }
}
