package dev.kdumpsim.pcie;

import dev.kdumpsim.pcie.config.PciRegs;

/**
 * Parameters of one (possibly multi-function) endpoint device. Units are in the names. Register
 * values firmware may have left (AER masks and severity, DevCtl2 Completion Timeout) are the
 * power-on values of the model, which the kernel then finds.
 *
 * @param name short name used for the memory agent and traces, e.g. "nic"
 * @param vendorId PCI vendor ID
 * @param deviceId PCI device ID
 * @param functions number of functions (1-8); more than one sets Header Type bit 7
 * @param flrCapable DevCap FLR capable (bit 28)
 * @param completionTimeoutNs the device's completion timeout in the default range (DevCtl2
 *     Completion Timeout Value 0000b, PCIe r5.0 §7.5.3.16: 50 us - 50 ms; default here 50 ms)
 * @param upstreamLatencyNs time from a request leaving the function to its arrival at the root complex
 * @param tags outstanding non-posted requests per function (tag space, 1-256)
 * @param requestAttr Attr[2:0] of the device's requests (IDO, RO, NS); the report's read has RO (0b010)
 * @param uncorrectableSeverity power-on AER Uncorrectable Error Severity (§7.8.4.4; spec default
 *     0x00462030, an Intel 82576 under firmware reported 0x00062011)
 * @param errorProfile how it reacts to errors
 * @param mfdErrorLogging where non-function-specific errors are logged
 * @param flrCompletionNs time the function needs to finish an FLR (spec: within 100 ms, r5.0 §6.6.2)
 * @param readyAfterLinkUpNs time after link up until the function answers config requests
 * @param identity Class Code, Revision, Subsystem IDs, Device Serial Number
 * @param uncorrectableMask power-on AER Uncorrectable Error Mask (§7.8.4.3; spec default 0)
 * @param correctableMask power-on AER Correctable Error Mask (§7.8.4.6; spec default 0x00002000,
 *     Advisory Non-Fatal masked)
 * @param completionTimeout DevCap2/DevCtl2 Completion Timeout programmability and firmware value
 */
public record EndpointParams(String name, int vendorId, int deviceId, int functions, boolean flrCapable,
        long completionTimeoutNs, long upstreamLatencyNs, int tags, int requestAttr, int uncorrectableSeverity,
        EndpointErrorProfile errorProfile, MfdErrorLogging mfdErrorLogging, long flrCompletionNs,
        long readyAfterLinkUpNs, EndpointIdentity identity, int uncorrectableMask, int correctableMask,
        CompletionTimeoutControl completionTimeout) {

    /** AER Correctable Error Mask reset value: Advisory Non-Fatal Error Mask set (PCIe r5.0 §7.8.4.6). */
    public static final int CORRECTABLE_MASK_DEFAULT = 0x00002000;

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
        if (identity == null || completionTimeout == null) {
            throw new IllegalArgumentException("identity and completionTimeout must be given");
        }
    }

    /** The parameters as they were before identity, AER masks and DevCtl2 were settable: those take defaults. */
    public EndpointParams(String name, int vendorId, int deviceId, int functions, boolean flrCapable,
            long completionTimeoutNs, long upstreamLatencyNs, int tags, int requestAttr, int uncorrectableSeverity,
            EndpointErrorProfile errorProfile, MfdErrorLogging mfdErrorLogging, long flrCompletionNs,
            long readyAfterLinkUpNs) {
        this(name, vendorId, deviceId, functions, flrCapable, completionTimeoutNs, upstreamLatencyNs, tags, requestAttr,
                uncorrectableSeverity, errorProfile, mfdErrorLogging, flrCompletionNs, readyAfterLinkUpNs,
                EndpointIdentity.NONE, 0, CORRECTABLE_MASK_DEFAULT, CompletionTimeoutControl.DEFAULT_RANGE_ONLY);
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

    /** A copy-and-change builder starting from these parameters. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public EndpointParams withFunctions(int n) {
        return toBuilder().functions(n).build();
    }

    public EndpointParams withErrorProfile(EndpointErrorProfile p) {
        return toBuilder().errorProfile(p).build();
    }

    public EndpointParams withUpstreamLatencyNs(long ns) {
        return toBuilder().upstreamLatencyNs(ns).build();
    }

    public EndpointParams withCompletionTimeoutNs(long ns) {
        return toBuilder().completionTimeoutNs(ns).build();
    }

    public EndpointParams withMfdErrorLogging(MfdErrorLogging m) {
        return toBuilder().mfdErrorLogging(m).build();
    }

    public EndpointParams withIdentity(EndpointIdentity id) {
        return toBuilder().identity(id).build();
    }

    /** With the AER Uncorrectable Severity, Uncorrectable Mask and Correctable Mask firmware left. */
    public EndpointParams withAerInitialValues(int uncorSeverity, int uncorMask, int corMask) {
        return toBuilder().uncorrectableSeverity(uncorSeverity).uncorrectableMask(uncorMask).correctableMask(corMask)
                .build();
    }

    public EndpointParams withCompletionTimeout(CompletionTimeoutControl c) {
        return toBuilder().completionTimeout(c).build();
    }

    /** Mutable builder for {@link EndpointParams}; {@link #build} validates. */
    public static final class Builder {
        private String name;
        private int vendorId;
        private int deviceId;
        private int functions;
        private boolean flrCapable;
        private long completionTimeoutNs;
        private long upstreamLatencyNs;
        private int tags;
        private int requestAttr;
        private int uncorrectableSeverity;
        private EndpointErrorProfile errorProfile;
        private MfdErrorLogging mfdErrorLogging;
        private long flrCompletionNs;
        private long readyAfterLinkUpNs;
        private EndpointIdentity identity;
        private int uncorrectableMask;
        private int correctableMask;
        private CompletionTimeoutControl completionTimeout;

        private Builder(EndpointParams p) {
            name = p.name;
            vendorId = p.vendorId;
            deviceId = p.deviceId;
            functions = p.functions;
            flrCapable = p.flrCapable;
            completionTimeoutNs = p.completionTimeoutNs;
            upstreamLatencyNs = p.upstreamLatencyNs;
            tags = p.tags;
            requestAttr = p.requestAttr;
            uncorrectableSeverity = p.uncorrectableSeverity;
            errorProfile = p.errorProfile;
            mfdErrorLogging = p.mfdErrorLogging;
            flrCompletionNs = p.flrCompletionNs;
            readyAfterLinkUpNs = p.readyAfterLinkUpNs;
            identity = p.identity;
            uncorrectableMask = p.uncorrectableMask;
            correctableMask = p.correctableMask;
            completionTimeout = p.completionTimeout;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder vendorId(int v) { vendorId = v; return this; }
        public Builder deviceId(int v) { deviceId = v; return this; }
        public Builder functions(int v) { functions = v; return this; }
        public Builder flrCapable(boolean v) { flrCapable = v; return this; }
        public Builder completionTimeoutNs(long v) { completionTimeoutNs = v; return this; }
        public Builder upstreamLatencyNs(long v) { upstreamLatencyNs = v; return this; }
        public Builder tags(int v) { tags = v; return this; }
        public Builder requestAttr(int v) { requestAttr = v; return this; }
        public Builder uncorrectableSeverity(int v) { uncorrectableSeverity = v; return this; }
        public Builder errorProfile(EndpointErrorProfile v) { errorProfile = v; return this; }
        public Builder mfdErrorLogging(MfdErrorLogging v) { mfdErrorLogging = v; return this; }
        public Builder flrCompletionNs(long v) { flrCompletionNs = v; return this; }
        public Builder readyAfterLinkUpNs(long v) { readyAfterLinkUpNs = v; return this; }
        public Builder identity(EndpointIdentity v) { identity = v; return this; }
        public Builder uncorrectableMask(int v) { uncorrectableMask = v; return this; }
        public Builder correctableMask(int v) { correctableMask = v; return this; }
        public Builder completionTimeout(CompletionTimeoutControl v) { completionTimeout = v; return this; }

        public EndpointParams build() {
            return new EndpointParams(name, vendorId, deviceId, functions, flrCapable, completionTimeoutNs,
                    upstreamLatencyNs, tags, requestAttr, uncorrectableSeverity, errorProfile, mfdErrorLogging,
                    flrCompletionNs, readyAfterLinkUpNs, identity, uncorrectableMask, correctableMask,
                    completionTimeout);
        }
    }
}
