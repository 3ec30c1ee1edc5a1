package dev.kdumpsim.core;

import java.util.Arrays;

/**
 * The pending-event set: a radix heap (Ahuja, Mehlhorn, Orlin, Tarjan, "Faster algorithms for
 * the shortest path problem", JACM 37(2), 1990) with 256-ary digits over (time, sequence), on
 * primitive arrays.
 *
 * <p>Why a radix heap: simulated time never goes back, which is exactly its precondition. An
 * insert appends to the bucket of the highest digit in which its time differs from {@code last},
 * with no comparison; a pop takes from bucket zero (entries with time == last) or, when that is
 * empty, from the lowest non-empty bucket (the lowest set bit of a level-major bitmap), whose
 * minimum, kept on append, becomes {@code last} and whose entries spread into lower buckets.
 * Every step is a sequential append or scan, so it stays fast with 10^5 events pending, where a
 * comparison heap is bound by branch mispredictions and cache misses (docs/performance.md).
 *
 * <p>FIFO ties: an entry's {@code aux} is {@code seq << 24 | slot}, and sequence numbers grow with
 * every insertion; bucket zero is kept in ascending aux, so equal times run in insertion order
 * (SimPy's rule).
 *
 * <p>Each scheduled event owns a slot ({@link EventSlots}). Cancellation is lazy: the slot
 * forgets its sequence and is freed at once; the stale entry is dropped when it surfaces or is
 * spread, and all buckets are compacted once garbage outnumbers live events. An insert earlier
 * than {@code last} (possible after {@link #minTime} looked past a {@code runUntil} limit)
 * re-bases the heap: rare and linear. Not thread-safe: one simulation is one thread.
 */
final class EventQueue {

    static final int SLOT_BITS = 24;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /** Sequence numbers stay below this so that {@code seq << 24 | slot} stays positive. */
    static final long SEQ_LIMIT = 1L << (63 - SLOT_BITS);
    /* Bucket (level, digit): level is the highest digit in which the time differs from last, digit
     * its value there. Wider digits mean fewer levels to fall through (measured: performance.md). */
    private static final int DIGIT_BITS = 8; // a power of two: append computes the level with a mask
    private static final int RADIX = 1 << DIGIT_BITS;
    private static final int LEVELS = (64 + DIGIT_BITS - 1) / DIGIT_BITS;
    private static final int BUCKETS = LEVELS * RADIX;
    private static final int INITIAL_CAPACITY = 16;
    private static final int MIN_GARBAGE_TO_COMPACT = 256;

    // buckets (level-major). Per bucket a 32-byte head record (entry count, minimum time, first
    // entry's time and aux) in one dense array, the further entries as interleaved (time, aux)
    // pairs in the bucket's own array: most buckets near the front hold one entry, and then an
    // append or a spread touches only the head record, which shares its cache line with a neighbour.
    private static final int H = 4;
    private static final int H_COUNT = 0;
    private static final int H_MIN = 1;
    private static final int H_TIME = 2;
    private static final int H_AUX = 3;
    private final long[] head = new long[BUCKETS * H];
    private final long[][] more = new long[BUCKETS][];
    private final long[] nonEmpty = new long[BUCKETS / 64]; // bit b set when bucket b holds entries
    private long nonEmptyWords; // bit w set when nonEmpty[w] != 0 (BUCKETS / 64 = 32 words)
    // bucket zero: auxes of entries with time == last, consumed from head0
    private long[] zero = new long[INITIAL_CAPACITY];
    private int head0;
    private int size0;
    private long last;
    private int entries; // live or garbage, all buckets
    private int live;

    private final EventSlots slots = new EventSlots();

    private long nextSeq;
    private long seqLimit = SEQ_LIMIT;

    int size() {
        return live;
    }

    boolean isEmpty() {
        return live == 0;
    }

    /** Time of the earliest pending event; only valid when not empty. */
    long minTime() {
        fillBucketZero();
        return last;
    }

    /** Inserts an event and returns its token. */
    long add(long t, EventHandler h, long a) {
        int slot = slots.alloc(h, a);
        long token = slots.token(slot);
        push(slot, t);
        live++;
        return token;
    }

    /**
     * Takes the earliest pending event if its time is at most {@code limit}: returns its slot
     * (read it, then {@link #freeSlot} it; its time is {@link #lastPolledTime}), or -1 when the
     * queue is empty or the next event is later.
     */
    int pollUntil(long limit) {
        if (live == 0) {
            return -1;
        }
        if (head0 == size0 && entries == live) {
            // bucket zero is empty: a lone entry of the lowest bucket (the usual case) fires from there
            int b = lowestNonEmptyBucket();
            int h = b * H;
            long t = head[h + H_TIME];
            if (head[h + H_COUNT] == 1 && t <= limit) {
                head[h + H_COUNT] = 0;
                clearNonEmpty(b);
                last = t;
                entries--;
                live--;
                return (int) (head[h + H_AUX] & SLOT_MASK);
            }
            spread(b);
        }
        if (head0 == size0 || entries != live) {
            fillBucketZero();
        }
        if (last > limit) {
            return -1;
        }
        long aux = zero[head0++];
        if (head0 == size0) {
            head0 = 0;
            size0 = 0;
        }
        entries--;
        live--;
        return (int) (aux & SLOT_MASK);
    }

    /** Time of the event {@link #pollUntil} returned last. */
    long lastPolledTime() {
        return last;
    }

    EventHandler handlerOf(int slot) {
        return slots.handler(slot);
    }

    long argOf(int slot) {
        return slots.arg(slot);
    }

    /** Returns a slot whose event fired (or was cancelled) to the free list, invalidating its tokens. */
    void freeSlot(int slot) {
        slots.free(slot);
    }

    boolean isPending(long token) {
        return slots.liveSlotOf(token) >= 0;
    }

    long timeOf(long token) {
        int slot = slots.liveSlotOf(token);
        if (slot < 0) {
            throw new IllegalArgumentException("event is not pending");
        }
        return slots.time(slot);
    }

    /** Cancels a pending event; false if it already fired or was cancelled. */
    boolean cancel(long token) {
        int slot = slots.liveSlotOf(token);
        if (slot < 0) {
            return false;
        }
        live--;
        freeSlot(slot); // its entry is garbage from now on
        maybeCompact();
        return true;
    }

    /**
     * Moves a pending event to a new time. It takes a fresh sequence number, so it runs after
     * events already scheduled for that same time, exactly as if cancelled and added again.
     */
    boolean reschedule(long token, long t) {
        int slot = slots.liveSlotOf(token);
        if (slot < 0) {
            return false;
        }
        push(slot, t); // the old entry's sequence no longer matches: garbage
        maybeCompact();
        return true;
    }

    /** Entries held that are no longer live (tests of the compaction bound). */
    int garbage() {
        return entries - live;
    }

    /** Test hook: makes sequence numbers run out after {@code limit} insertions. */
    void setSequenceLimitForTest(long limit) {
        seqLimit = limit;
    }

    private void push(int slot, long t) {
        if (nextSeq >= seqLimit) {
            renumber();
        }
        long seq = nextSeq++;
        slots.schedule(slot, t, seq);
        if (t < last) {
            rebase(t);
        }
        append(t, (seq << SLOT_BITS) | slot);
        entries++;
    }

    private void append(long t, long aux) {
        long x = t ^ last;
        if (x == 0) {
            if (size0 == zero.length) {
                zero = Arrays.copyOf(zero, size0 * 2);
            }
            zero[size0++] = aux;
            return;
        }
        // level = highest differing bit / 8; its digit starts at bit level * 8; bucket = level * 256 + digit
        int shift = (63 - Long.numberOfLeadingZeros(x)) & -DIGIT_BITS;
        int b = (shift << (DIGIT_BITS - 3)) | ((int) (t >>> shift) & (RADIX - 1));
        long[] hd = head;
        int h = b * H;
        int n = (int) hd[h + H_COUNT];
        if (n == 0) {
            hd[h + H_COUNT] = 1;
            hd[h + H_MIN] = t;
            hd[h + H_TIME] = t;
            hd[h + H_AUX] = aux;
            nonEmpty[b >>> 6] |= 1L << b;
            nonEmptyWords |= 1L << (b >>> 6);
            return;
        }
        long[] a = more[b];
        int i = 2 * (n - 1);
        if (a == null || i == a.length) {
            a = grow(b);
        }
        a[i] = t;
        a[i + 1] = aux;
        hd[h + H_COUNT] = n + 1;
        if (t < hd[h + H_MIN]) {
            hd[h + H_MIN] = t;
        }
    }

    private long[] grow(int b) {
        long[] a = more[b];
        a = a == null ? new long[2 * INITIAL_CAPACITY] : Arrays.copyOf(a, a.length * 2);
        more[b] = a;
        return a;
    }

    private boolean isGarbage(long aux) {
        return slots.isStale((int) (aux & SLOT_MASK), aux >>> SLOT_BITS);
    }

    /** Makes bucket zero's head a live entry holding the minimum; requires a live entry to exist. */
    private void fillBucketZero() {
        while (true) {
            while (head0 < size0) {
                if (entries == live || !isGarbage(zero[head0])) {
                    return;
                }
                head0++;
                entries--;
            }
            head0 = 0;
            size0 = 0;
            spread(lowestNonEmptyBucket());
        }
    }

    private int lowestNonEmptyBucket() {
        if (nonEmptyWords == 0) {
            throw new IllegalStateException("no pending event");
        }
        int w = Long.numberOfTrailingZeros(nonEmptyWords);
        return (w << 6) + Long.numberOfTrailingZeros(nonEmpty[w]);
    }

    private void clearNonEmpty(int b) {
        int w = b >>> 6;
        if ((nonEmpty[w] &= ~(1L << b)) == 0) {
            nonEmptyWords &= ~(1L << w);
        }
    }

    /** Moves bucket b's entries into lower buckets around their minimum, the new {@code last}. */
    private void spread(int b) {
        int h = b * H;
        int n = (int) head[h + H_COUNT];
        head[h + H_COUNT] = 0;
        long min = head[h + H_MIN];
        long t0 = head[h + H_TIME];
        long a0 = head[h + H_AUX];
        clearNonEmpty(b);
        // the minimum may be a cancelled entry's time: still <= every live time in the bucket, so
        // a valid last; bucket zero then holds only garbage and the caller spreads again
        last = min;
        if (n == 1) { // a lone entry (the usual case near the front): it is the minimum
            zero[0] = a0; // if cancelled, fillBucketZero drops it
            size0 = 1;
            return;
        }
        long[] a = more[b];
        int m = 2 * (n - 1);
        boolean clean = entries == live; // no cancelled entry anywhere (the usual case): no slot lookups
        keep(t0, a0, clean); // always into a lower level than b's
        for (int j = 0; j < m; j += 2) {
            keep(a[j], a[j + 1], clean);
        }
        // ascending aux already (a bucket fills only while all lower ones are empty): a cheap guard
        if (size0 > 1) {
            Arrays.sort(zero, 0, size0);
        }
    }

    private void keep(long t, long aux, boolean clean) {
        if (clean || !isGarbage(aux)) {
            append(t, aux);
        } else {
            entries--;
        }
    }

    /** Re-buckets every entry around a new, smaller {@code last}. */
    private void rebase(long newLast) {
        long[] saved = drainLive();
        last = newLast;
        reinsert(saved);
    }

    /** Drops garbage from every bucket once it outnumbers live events. */
    private void maybeCompact() {
        int g = garbage();
        if (g < MIN_GARBAGE_TO_COMPACT || g <= live) {
            return;
        }
        reinsert(drainLive());
    }

    /**
     * Before sequence numbers run out (after ~5.5e11 insertions), renumbers live entries 0..n-1
     * in (time, seq) order, which keeps every order and FIFO tie.
     */
    private void renumber() {
        long[] saved = drainLive();
        for (int i = 0; i < saved.length / 2; i++) {
            int slot = (int) (saved[2 * i + 1] & SLOT_MASK);
            slots.setSeq(slot, i);
            saved[2 * i + 1] = ((long) i << SLOT_BITS) | slot;
        }
        reinsert(saved);
        nextSeq = saved.length / 2;
    }

    private void reinsert(long[] pairs) {
        for (int j = 0; j < pairs.length; j += 2) {
            append(pairs[j], pairs[j + 1]);
        }
        entries = pairs.length / 2;
    }

    /** Removes every live entry as (time, aux) pairs sorted by time then aux; garbage is dropped. */
    private long[] drainLive() {
        long[][] out = new long[live][];
        int n = 0;
        for (int j = head0; j < size0; j++) {
            n = collect(out, n, last, zero[j]);
        }
        for (int b = 0, h = 0; b < BUCKETS; b++, h += H) {
            int count = (int) head[h + H_COUNT];
            n = count == 0 ? n : collect(out, n, head[h + H_TIME], head[h + H_AUX]);
            for (int j = 0; j < 2 * (count - 1); j += 2) {
                n = collect(out, n, more[b][j], more[b][j + 1]);
            }
            head[h + H_COUNT] = 0;
        }
        head0 = 0;
        size0 = 0;
        Arrays.fill(nonEmpty, 0L);
        nonEmptyWords = 0;
        entries = 0;
        Arrays.sort(out, 0, n, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long[] pairs = new long[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            pairs[i] = out[i >> 1][i & 1];
        }
        return pairs;
    }

    private int collect(long[][] out, int n, long t, long aux) {
        if (!isGarbage(aux)) {
            out[n++] = new long[] {t, aux};
        }
        return n;
    }
}
