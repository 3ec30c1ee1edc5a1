package dev.kdumpsim.smmuv3;

/**
 * One configuration-cache entry: what a valid STE (and its CD) say for a StreamID, decoded once.
 * Mutable and reused in place so refilling after an invalidation allocates nothing.
 */
final class StreamConfig {

    static final int KIND_ABORT = 0;
    static final int KIND_BYPASS = 1;
    static final int KIND_S1 = 2;
    /** S1CDMax != 0, S1DSS = terminate: transactions without SubstreamID get F_STREAM_DISABLED. */
    static final int KIND_STREAM_DISABLED = 3;

    boolean valid;
    int kind;
    int asid;
    long ttb0;
    TranslationGranule granule;
    int inputBits;
    int startLevel;
    boolean epd0;
    boolean affd;
    int outputBits;

    void copyFrom(StreamConfig o) {
        valid = o.valid;
        kind = o.kind;
        asid = o.asid;
        ttb0 = o.ttb0;
        granule = o.granule;
        inputBits = o.inputBits;
        startLevel = o.startLevel;
        epd0 = o.epd0;
        affd = o.affd;
        outputBits = o.outputBits;
    }
}
