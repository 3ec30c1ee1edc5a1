package dev.kdumpsim.pcie;

import dev.kdumpsim.pcie.config.PciRegs;

/**
 * Parameters of one (possibly multi-function) endpoint device. Units are in the names.
 *
 * @param name short name used for the memory agent and traces, e.g. "nic"
 * @param vendorId PCI vendor ID
 * @param deviceId PCI device ID
 * @param functions number of functions (1-8); more than one sets Header Type bit 7
 * @param flrCapable DevCap FLR capable (bit 28)
 * @param completionTimeoutNs the device's completion timeout (PCIe r4.0 §7.5.3.16 default range
 *     50 us - 50 ms; default here 50 ms)
 * @param upstreamLatencyNs time from a request leaving the function to its arrival at the root complex
 * @param tags outstanding non-posted requests per function (tag space, 1-256)
 * @param requestAttr Attr[2:0] of the device's requests (IDO, RO, NS); the report's read has RO (0b010)
 * @param uncorrectableSeverity power-on AER Uncorrectable Error Severity
 * @param errorProfile how it reacts to errors
 * @param mfdErrorLogging where non-function-specific errors are logged
 * @param flrCompletionNs time the function needs to finish an FLR (spec: within 100 ms, r4.0 §6.6.2)
 * @param readyAfterLinkUpNs time after link up until the function answers config requests
 */
public record EndpointParams(String name, int vendorId, int deviceId, int functions, boolean flrCapable,
        long completionTimeoutNs, long upstreamLatencyNs, int tags, int requestAttr, int uncorrectableSeverity,
        EndpointErrorProfile errorProfile, MfdErrorLogging mfdErrorLogging, long flrCompletionNs,
        long readyAfterLinkUpNs) {

    public EndpointParams {
        if (functions < 1 || functions > 8) {
            throw new IllegalArgumentException("functions must be 1-8, got " + functions);
        }
        if (tags < 1 || tags > 256) {
            throw new IllegalArgumentException("tags must be 1-256, got " + tags);
        }
        if (completionTimeoutNs <= 0 || upstreamLatencyNs < 0 || flrCompletionNs < 0 || readyAfterLinkUpNs < 0) {
            throw new IllegalArgumentException("latencies must be >= 0 and completionTimeoutNs > 0");
        }
        if (requestAttr < 0 || requestAttr > 7) {
            throw new IllegalArgumentException("requestAttr is 3 bits (IDO, RO, NS)");
        }
    }

    /** A single-function, spec-conforming device with the given name. */
    public static EndpointParams defaults(String name) {
        return new EndpointParams(name, 0x1af4, 0x1000, 1, true, 50_000_000L, 500, 32, 0,
                PciRegs.UNC_SEVERITY_DEFAULT, EndpointErrorProfile.NORMAL, MfdErrorLogging.ALL_FUNCTIONS,
                10_000_000L, 10_000_000L);
    }

    /** The 2018 report's adapter: two functions, RO reads, severity 0x00062011, defective completion handling. */
    public static EndpointParams report2018(String name) {
        return new EndpointParams(name, 0x17cb, 0x0401, 2, true, 50_000_000L, 500, 32, 0b010,
                PciRegs.UNC_SEVERITY_REPORT_2018, EndpointErrorProfile.DEFECTIVE_COMPLETION,
                MfdErrorLogging.ALL_FUNCTIONS, 10_000_000L, 10_000_000L);
    }

    public EndpointParams withFunctions(int n) {
        return new EndpointParams(name, vendorId, deviceId, n, flrCapable, completionTimeoutNs, upstreamLatencyNs, tags,
                requestAttr, uncorrectableSeverity, errorProfile, mfdErrorLogging, flrCompletionNs, readyAfterLinkUpNs);
    }

    public EndpointParams withErrorProfile(EndpointErrorProfile p) {
        return new EndpointParams(name, vendorId, deviceId, functions, flrCapable, completionTimeoutNs, upstreamLatencyNs,
                tags, requestAttr, uncorrectableSeverity, p, mfdErrorLogging, flrCompletionNs, readyAfterLinkUpNs);
    }

    public EndpointParams withUpstreamLatencyNs(long ns) {
        return new EndpointParams(name, vendorId, deviceId, functions, flrCapable, completionTimeoutNs, ns, tags,
                requestAttr, uncorrectableSeverity, errorProfile, mfdErrorLogging, flrCompletionNs, readyAfterLinkUpNs);
    }

    public EndpointParams withCompletionTimeoutNs(long ns) {
        return new EndpointParams(name, vendorId, deviceId, functions, flrCapable, ns, upstreamLatencyNs, tags,
                requestAttr, uncorrectableSeverity, errorProfile, mfdErrorLogging, flrCompletionNs, readyAfterLinkUpNs);
    }

    public EndpointParams withMfdErrorLogging(MfdErrorLogging m) {
        return new EndpointParams(name, vendorId, deviceId, functions, flrCapable, completionTimeoutNs, upstreamLatencyNs,
                tags, requestAttr, uncorrectableSeverity, errorProfile, m, flrCompletionNs, readyAfterLinkUpNs);
    }
}
