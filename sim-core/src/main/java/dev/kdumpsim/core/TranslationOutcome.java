package dev.kdumpsim.core;

/** What an {@link Iommu} did with one upstream access. */
public enum TranslationOutcome {
    /** Translated through the IOMMU's tables; {@link Translation#physicalAddress()} is the output. */
    TRANSLATED,
    /** Passed through untranslated (global or per-stream bypass): the input address is used as PA. */
    BYPASSED,
    /** Terminated with an abort; the master sees UR/CA for a read, a write is dropped. */
    ABORTED
}
