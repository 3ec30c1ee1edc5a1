package dev.kdumpsim.pcie;

/**
 * What became of one DMA transaction a device issued. Every issued transaction gets exactly one
 * (see {@link RootComplex#fateCount} and {@link RootComplex#issuedCount}).
 */
public enum DmaFate {
    /** Translated by the IOMMU and performed at the output address. */
    TRANSLATED,
    /** Passed the IOMMU untranslated (IOVA used as PA) and performed there. */
    BYPASSED,
    /** Aborted by the IOMMU, which recorded an event software can see. */
    ABORTED_WITH_EVENT,
    /** Aborted by the IOMMU with no visible event (GBPA/STE abort, queue off or full). */
    ABORTED_SILENT,
    /** Not sent: Bus Master Enable clear at the function, or a bridge above refused to forward it. */
    BLOCKED_BME,
    /** Lost inside the function to FLR (or a reset while queued). */
    DISCARDED_RESET,
    /** Lost on a link taken down by Secondary Bus Reset above the device. */
    DISCARDED_LINK_DOWN
}
