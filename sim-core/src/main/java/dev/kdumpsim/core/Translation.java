package dev.kdumpsim.core;

/**
 * The answer an {@link Iommu} gives for one access: a reusable, mutable holder so the hot path
 * allocates nothing. The caller owns one instance and passes it to every
 * {@link Iommu#translate} call; the IOMMU overwrites every field.
 */
public final class Translation {

    /** No event was raised for this access. */
    public static final int NO_EVENT = 0;

    private TranslationOutcome outcome = TranslationOutcome.ABORTED;
    private long physicalAddress;
    private int eventId;
    private boolean eventRecorded;
    private long latencyNs;

    /** Sets a successful translation. */
    public Translation translated(long pa, long latencyNs) {
        return set(TranslationOutcome.TRANSLATED, pa, NO_EVENT, false, latencyNs);
    }

    /** Sets a bypass: the input address is the physical address. */
    public Translation bypassed(long pa, long latencyNs) {
        return set(TranslationOutcome.BYPASSED, pa, NO_EVENT, false, latencyNs);
    }

    /**
     * Sets an abort.
     *
     * @param eventId the event the IOMMU raised (its architecture's id), or {@link #NO_EVENT}
     * @param eventRecorded whether that event reached software (queued), as opposed to being
     *     discarded (queue disabled, full)
     */
    public Translation aborted(int eventId, boolean eventRecorded, long latencyNs) {
        return set(TranslationOutcome.ABORTED, 0, eventId, eventRecorded, latencyNs);
    }

    private Translation set(TranslationOutcome o, long pa, int id, boolean recorded, long latency) {
        if (outcome != o) {
            outcome = o; // stored only on change: a reference store is a GC write barrier
        }
        this.physicalAddress = pa;
        this.eventId = id;
        this.eventRecorded = recorded;
        this.latencyNs = latency;
        return this;
    }

    public TranslationOutcome outcome() {
        return outcome;
    }

    public long physicalAddress() {
        return physicalAddress;
    }

    /** Event raised for an abort, or {@link #NO_EVENT}. */
    public int eventId() {
        return eventId;
    }

    /** Whether the raised event was written where software can see it. */
    public boolean eventRecorded() {
        return eventRecorded;
    }

    /** Time the translation took (walks, cache misses), added to the access's latency. */
    public long latencyNs() {
        return latencyNs;
    }
}
