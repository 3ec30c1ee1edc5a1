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
}
