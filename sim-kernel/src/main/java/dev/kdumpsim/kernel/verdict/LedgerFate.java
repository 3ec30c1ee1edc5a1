package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * The ledger's fates: {@link dev.kdumpsim.pcie.DmaFate} refined by where a performed access
 * landed and by whom it was issued. Report keys are {@link #key()}.
 */
@KernelApi
public enum LedgerFate {
    /** Translated by the IOMMU as its owner intended (kernel #1's tables, or the kdump driver's own mappings). */
    TRANSLATED("translated"),
    /** Stale DMA (work the crashed kernel posted) translated by the kdump kernel's new tables into kdump memory. */
    TRANSLATED_STALE_INTO_KDUMP("translatedStaleIntoKdump"),
    /** Bypassed translation (IOVA used as PA) onto crashkernel memory the kdump kernel is using. */
    BYPASSED_CRASHKERNEL_LIVE("bypassedCrashkernelLive"),
    /** Bypassed onto crashkernel memory the kdump kernel has not allocated. */
    BYPASSED_CRASHKERNEL_FREE("bypassedCrashkernelFree"),
    /** Bypassed onto kernel #1's memory (what the dump exports). */
    BYPASSED_KERNEL1("bypassedKernel1"),
    /** Bypassed to a physical address with no DRAM behind it. */
    BYPASSED_NO_MEMORY("bypassedNoMemory"),
    /** Aborted by the SMMU, which recorded an event. */
    ABORTED_WITH_EVENT("abortedWithEvent"),
    /** Aborted with no visible event (GBPA or STE abort, event queue off or full). */
    ABORTED_SILENT("abortedSilent"),
    /** Not sent: Bus Master Enable clear. */
    BLOCKED_BME("blockedBme"),
    /** Lost to FLR inside the function. */
    DISCARDED_RESET("discardedReset"),
    /** Lost on a link taken down by Secondary Bus Reset. */
    DISCARDED_LINK_DOWN("discardedLinkDown");

    private final String key;

    LedgerFate(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
