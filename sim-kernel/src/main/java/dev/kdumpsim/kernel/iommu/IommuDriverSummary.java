package dev.kdumpsim.kernel.iommu;

/**
 * What one kernel's IOMMU driver did, for the report: whether it probed, whether it found
 * translation left enabled by the crashed kernel, the window (simulation times) in which DMA
 * bypassed translation because of its reset sequence, and its fault reporting.
 *
 * @param probed the probe finished successfully
 * @param probeFailed the probe returned an error (devices stay on dma-direct or behind an abort)
 * @param foundEnabled translation was on when the driver probed
 * @param bypassStartNs start of a bypass window this driver opened, or -1
 * @param bypassEndNs end of that window, or -1 while it is still open
 * @param faultsPrinted fault records the driver printed
 * @param faultsSuppressed fault records it consumed without printing (ratelimited)
 * @param overflowReports "events lost" reports it printed
 */
public record IommuDriverSummary(boolean probed, boolean probeFailed, boolean foundEnabled, long bypassStartNs,
        long bypassEndNs, long faultsPrinted, long faultsSuppressed, long overflowReports) {
}
