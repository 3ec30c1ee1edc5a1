package dev.kdumpsim.pcie;

/**
 * Platform parameters of the root complex.
 *
 * @param completerId Completer ID in completions the root complex generates (default 00:00.0, as
 *     in the 2018 report's header log)
 * @param abortedReadResponse answer to an IOMMU-aborted read (the report: CA)
 * @param abortCompletionSetsTd whether those completions have TD=1 (the report's have, with no
 *     digest attached, which is one explanation of the endpoint calling them Malformed)
 * @param completionLatencyNs root complex time from a read's arrival to its completion leaving
 * @param logAbortsAtRootPort whether the root port above the requester logs CA/UR as the
 *     completer in its AER capability (PCIe r4.0 §6.2.3.2.5 Completer Abort / UR detection)
 * @param requesterIdMap requester ID to StreamID map
 */
public record RootComplexParams(int completerId, AbortedReadResponse abortedReadResponse,
        boolean abortCompletionSetsTd, long completionLatencyNs, boolean logAbortsAtRootPort,
        RequesterIdMap requesterIdMap) {

    /** The 2018 report's platform: CA from 00:00.0 with TD=1, identity StreamIDs. */
    public static final RootComplexParams REPORT_2018 = new RootComplexParams(0, AbortedReadResponse.COMPLETER_ABORT,
            true, 200, true, RequesterIdMap.IDENTITY);

    /**
     * An Intel VT-d platform: requester ID = source-id (VT-d 3.4.1, one-to-one), an IOMMU-faulted
     * read answered with Unsupported Request ("PEG/DMI interfaces return unsupported request
     * status", 2nd Gen Core datasheet vol. 1 3.1.4) without TD, logged at the root port.
     */
    public static final RootComplexParams VTD_PLATFORM = new RootComplexParams(0,
            AbortedReadResponse.UNSUPPORTED_REQUEST, false, 200, true, RequesterIdMap.IDENTITY);

    public RootComplexParams {
        if (completionLatencyNs < 0) {
            throw new IllegalArgumentException("completionLatencyNs must be >= 0");
        }
        if (abortedReadResponse == null || requesterIdMap == null) {
            throw new NullPointerException("abortedReadResponse/requesterIdMap");
        }
    }

    public RootComplexParams withAbortedReadResponse(AbortedReadResponse r) {
        return new RootComplexParams(completerId, r, abortCompletionSetsTd, completionLatencyNs, logAbortsAtRootPort,
                requesterIdMap);
    }

    public RootComplexParams withRequesterIdMap(RequesterIdMap m) {
        return new RootComplexParams(completerId, abortedReadResponse, abortCompletionSetsTd, completionLatencyNs,
                logAbortsAtRootPort, m);
    }
}
