package dev.kdumpsim.smmuv3;

/**
 * What happened to every event the SMMU raised (IHI0070 §7.2, §7.4): each raised event is exactly
 * one of written, lost to overflow, discarded because EVENTQEN=0, or merged. Per-EventID arrays
 * are indexed by the 8-bit EventID. Mutable only by the SMMU.
 */
public final class EventCounters {

    final long[] raised = new long[256];
    final long[] written = new long[256];
    final long[] lostOverflow = new long[256];
    final long[] discardedQueueDisabled = new long[256];
    final long[] merged = new long[256];
    long overflowEpisodes;

    public long raised() {
        return sum(raised);
    }

    public long raised(int eventId) {
        return raised[eventId & 0xff];
    }

    public long written() {
        return sum(written);
    }

    public long written(int eventId) {
        return written[eventId & 0xff];
    }

    public long lostOverflow() {
        return sum(lostOverflow);
    }

    public long lostOverflow(int eventId) {
        return lostOverflow[eventId & 0xff];
    }

    public long discardedQueueDisabled() {
        return sum(discardedQueueDisabled);
    }

    public long discardedQueueDisabled(int eventId) {
        return discardedQueueDisabled[eventId & 0xff];
    }

    public long merged() {
        return sum(merged);
    }

    public long merged(int eventId) {
        return merged[eventId & 0xff];
    }

    /** Times PROD.OVFLG was toggled (a new overflow condition became visible to software). */
    public long overflowEpisodes() {
        return overflowEpisodes;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }
}
