package dev.kdumpsim.core;

import java.util.Arrays;

/**
 * The pending-event set: a radix heap (Ahuja, Mehlhorn, Orlin, Tarjan, "Faster algorithms for
 * the shortest path problem", JACM 37(2), 1990) with 64-ary digits, over (time, sequence), on
 * primitive arrays.
 *
 * <p>Why a radix heap: simulated time is monotone (nothing is scheduled before "now"), which is
 * exactly the precondition of a radix heap. An insert is an append to bucket
 * {@code 64 - nlz(time ^ last)} with no comparison; a pop takes from bucket 0, and only when that
 * is empty scans the lowest non-empty bucket once, sets {@code last} to its minimum and spreads
 * its entries into lower buckets. Every step is a sequential append or scan, so it stays fast when
 * 10^5 events are pending, where a comparison heap is bound by branch mispredictions and cache
 * misses (measured: docs/performance.md).
 *
 * <p>FIFO ties: an entry's {@code aux} is {@code seq << 24 | slot}, and sequence numbers grow with
 * every insertion. Bucket 0 holds only entries with time == last, kept in ascending aux: direct
 * inserts arrive with the largest sequence so far (append keeps order), and a bucket spread into an
 * empty bucket 0 is sorted once. So equal times run in insertion order (SimPy's rule).
 *
 * <p>Each scheduled event owns a <em>slot</em> (handler, argument, generation, live sequence).
 * Cancellation is lazy: the slot forgets its sequence and is freed at once; the stale entry is
 * dropped when it surfaces or is spread, and all buckets are compacted once garbage outnumbers
 * live events. Tokens pack (generation, slot), so a stale token never touches a recycled slot.
 * An insert earlier than {@code last} (possible after {@link #minTime} looked past a
 * {@code runUntil} limit) re-bases the heap: rare and linear.
 *
 * <p>Not thread-safe: one simulation is one thread.
 */
final class EventQueue {

    static final int SLOT_BITS = 24;
    static final int MAX_SLOTS = 1 << SLOT_BITS;
    private static final long SLOT_MASK = MAX_SLOTS - 1;
    /** Sequence numbers stay below this so that {@code seq << 24 | slot} stays positive. */
    static final long SEQ_LIMIT = 1L << (63 - SLOT_BITS);
    /* 64-ary digits: an entry lives in bucket (level, digit) where level is the highest 6-bit
     * digit in which its time differs from last and digit is its own value there. Spreading a
     * bucket moves entries down at least one level, so an entry moves at most 11 times and in
     * practice once or twice. Measured in the hold model (docs/performance.md): 1-bit digits
     * 11.1M, 4-bit 12.4M, 5-bit 12.8M, 6-bit 14.2M events/s at 1000 pending. */
    private static final int DIGIT_BITS = 6;
    private static final int RADIX = 1 << DIGIT_BITS;
    private static final int LEVELS = (64 + DIGIT_BITS - 1) / DIGIT_BITS;
    private static final int BUCKETS = 1 + LEVELS * RADIX;
    private static final int INITIAL_CAPACITY = 16;
    private static final int MIN_GARBAGE_TO_COMPACT = 256;

    // bucket b >= 1: times and auxes; bucket 0: auxes only (all its times equal last)
    private final long[][] bucketTime = new long[BUCKETS][];
    private final long[][] bucketAux = new long[BUCKETS][];
    private final int[] bucketSize = new int[BUCKETS];
    private int levelsNonEmpty; // bit l set when some bucket of level l holds entries
    private final long[] digitsNonEmpty = new long[LEVELS]; // per level, bit d set when bucket (l, d) holds entries
    private int head0; // bucket 0 is consumed from head0 to bucketSize[0]
    private long last;
    private int entries; // live or garbage, all buckets
    private int live;

    // slot-indexed
    private EventHandler[] handler = new EventHandler[INITIAL_CAPACITY];
    private long[] arg = new long[INITIAL_CAPACITY];
    private long[] time = new long[INITIAL_CAPACITY];
    private long[] liveSeq = new long[INITIAL_CAPACITY]; // -1 when the slot has no pending event
    private int[] generation = new int[INITIAL_CAPACITY];
    private int[] nextFree = new int[INITIAL_CAPACITY];
    private int freeHead = -1;
    private int slotsUsed;

    private long nextSeq;
    private long seqLimit = SEQ_LIMIT;

    EventQueue() {
        bucketAux[0] = new long[INITIAL_CAPACITY]; // other buckets are allocated on first use
        Arrays.fill(liveSeq, -1);
    }

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
        int slot = allocSlot();
        handler[slot] = h;
        arg[slot] = a;
        push(slot, t);
        live++;
        return token(slot);
    }

    /** Takes the earliest pending event for firing and returns its slot; free it after reading. */
    int beginPoll() {
        fillBucketZero();
        long aux = bucketAux[0][head0++];
        if (head0 == bucketSize[0]) {
            head0 = 0;
            bucketSize[0] = 0;
        }
        entries--;
        live--;
        int slot = (int) (aux & SLOT_MASK);
        liveSeq[slot] = -1;
        return slot;
    }

    /** Nothing to settle in a radix heap; kept so the simulation loop is queue-agnostic. */
    void settle() {
    }

    /** Removes the earliest pending event, returning its slot; the caller reads it then frees it. */
    int pollSlot() {
        return beginPoll();
    }

    EventHandler handlerOf(int slot) {
        return handler[slot];
    }

    long argOf(int slot) {
        return arg[slot];
    }

    /** Returns a slot whose event fired to the free list, invalidating its tokens. */
    void freeSlot(int slot) {
        handler[slot] = null;
        liveSeq[slot] = -1;
        generation[slot]++;
        nextFree[slot] = freeHead;
        freeHead = slot;
    }

    boolean isPending(long token) {
        return liveSlotOf(token) >= 0;
    }

    long timeOf(long token) {
        int slot = liveSlotOf(token);
        if (slot < 0) {
            throw new IllegalArgumentException("event is not pending");
        }
        return time[slot];
    }

    /** Cancels a pending event; false if it already fired or was cancelled. */
    boolean cancel(long token) {
        int slot = liveSlotOf(token);
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
        int slot = liveSlotOf(token);
        if (slot < 0) {
            return false;
        }
        push(slot, t); // the old entry's sequence no longer matches: garbage
        maybeCompact();
        return true;
    }

    /** Entries held that are no longer live (for tests of the compaction bound). */
    int garbage() {
        return entries - live;
    }

    // ---- buckets ---------------------------------------------------------------------------

    private void push(int slot, long t) {
        if (nextSeq == seqLimit) {
            renumber();
        }
        long seq = nextSeq++;
        liveSeq[slot] = seq;
        time[slot] = t;
        if (t < last) {
            rebase(t);
        }
        append(t, (seq << SLOT_BITS) | slot);
        entries++;
    }

    private void append(long t, long aux) {
        long x = t ^ last;
        int b = 0;
        if (x != 0) {
            int level = (63 - Long.numberOfLeadingZeros(x)) / DIGIT_BITS;
            int digit = (int) (t >>> (level * DIGIT_BITS)) & (RADIX - 1);
            b = 1 + level * RADIX + digit;
            levelsNonEmpty |= 1 << level;
            digitsNonEmpty[level] |= 1L << digit;
        }
        int n = bucketSize[b];
        if (bucketAux[b] == null || n == bucketAux[b].length) {
            grow(b);
        }
        if (b != 0) {
            bucketTime[b][n] = t;
        }
        bucketAux[b][n] = aux;
        bucketSize[b] = n + 1;
    }

    private void grow(int b) {
        if (bucketAux[b] == null) {
            bucketAux[b] = new long[INITIAL_CAPACITY];
            bucketTime[b] = new long[INITIAL_CAPACITY];
            return;
        }
        int n = bucketAux[b].length * 2;
        bucketAux[b] = Arrays.copyOf(bucketAux[b], n);
        if (b != 0) {
            bucketTime[b] = Arrays.copyOf(bucketTime[b], n);
        }
    }

    private boolean isGarbage(long aux) {
        return liveSeq[(int) (aux & SLOT_MASK)] != (aux >>> SLOT_BITS);
    }

    /** Makes bucket 0's head a live entry holding the minimum; requires a live entry to exist. */
    private void fillBucketZero() {
        while (true) {
            long[] aux0 = bucketAux[0];
            while (head0 < bucketSize[0]) {
                if (entries == live || !isGarbage(aux0[head0])) {
                    return;
                }
                head0++;
                entries--;
            }
            head0 = 0;
            bucketSize[0] = 0;
            if (levelsNonEmpty == 0) {
                throw new IllegalStateException("no pending event");
            }
            int level = Integer.numberOfTrailingZeros(levelsNonEmpty);
            int digit = Long.numberOfTrailingZeros(digitsNonEmpty[level]);
            digitsNonEmpty[level] &= ~(1L << digit);
            if (digitsNonEmpty[level] == 0) {
                levelsNonEmpty &= ~(1 << level);
            }
            spread(1 + level * RADIX + digit);
        }
    }

    /** Moves bucket b's live entries into lower buckets around their minimum, the new {@code last}. */
    private void spread(int b) {
        long[] ts = bucketTime[b];
        long[] as = bucketAux[b];
        int n = bucketSize[b];
        bucketSize[b] = 0;
        // no cancelled entry anywhere (the usual case): skip the per-entry slot lookups
        boolean clean = entries == live;
        long min = Long.MAX_VALUE;
        for (int j = 0; j < n; j++) {
            if (ts[j] < min && (clean || !isGarbage(as[j]))) {
                min = ts[j];
            }
        }
        if (min == Long.MAX_VALUE) {
            entries -= n; // all garbage
            return;
        }
        last = min;
        if (clean) {
            for (int j = 0; j < n; j++) {
                append(ts[j], as[j]); // always into a lower level than b's
            }
            if (bucketSize[0] > 1) {
                Arrays.sort(bucketAux[0], 0, bucketSize[0]);
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            long a = as[j];
            if (isGarbage(a)) {
                entries--;
            } else {
                append(ts[j], a); // always into a lower level than b's
            }
        }
        if (bucketSize[0] > 1) {
            Arrays.sort(bucketAux[0], 0, bucketSize[0]);
        }
    }

    /** Re-buckets every entry around a new, smaller {@code last}. */
    private void rebase(long newLast) {
        long[][] saved = drainLive();
        last = newLast;
        for (long[] e : saved) {
            append(e[0], e[1]);
        }
        entries = saved.length;
    }

    /** Removes every live entry, sorted by (time, aux); garbage is dropped. */
    private long[][] drainLive() {
        long[][] out = new long[live][];
        int n = 0;
        for (int j = head0; j < bucketSize[0]; j++) {
            if (!isGarbage(bucketAux[0][j])) {
                out[n++] = new long[] {last, bucketAux[0][j]};
            }
        }
        for (int b = 1; b < BUCKETS; b++) {
            if (bucketSize[b] == 0) {
                continue;
            }
            for (int j = 0; j < bucketSize[b]; j++) {
                if (!isGarbage(bucketAux[b][j])) {
                    out[n++] = new long[] {bucketTime[b][j], bucketAux[b][j]};
                }
            }
            bucketSize[b] = 0;
        }
        head0 = 0;
        bucketSize[0] = 0;
        levelsNonEmpty = 0;
        Arrays.fill(digitsNonEmpty, 0L);
        entries = 0;
        long[][] result = n == out.length ? out : Arrays.copyOf(out, n);
        Arrays.sort(result, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        return result;
    }

    /** Drops garbage from every bucket once it outnumbers live events. */
    private void maybeCompact() {
        int g = garbage();
        if (g < MIN_GARBAGE_TO_COMPACT || g <= live) {
            return;
        }
        long[][] saved = drainLive();
        for (long[] e : saved) {
            append(e[0], e[1]);
        }
        entries = saved.length;
    }

    /**
     * Before sequence numbers run out (after ~5.5e11 insertions), renumbers live entries 0..n-1
     * in (time, seq) order, which keeps every order and FIFO tie.
     */
    private void renumber() {
        long[][] saved = drainLive();
        for (int i = 0; i < saved.length; i++) {
            int slot = (int) (saved[i][1] & SLOT_MASK);
            liveSeq[slot] = i;
            append(saved[i][0], ((long) i << SLOT_BITS) | slot);
        }
        entries = saved.length;
        nextSeq = saved.length;
    }

    /** Test hook: makes sequence numbers run out after {@code limit} insertions. */
    void setSequenceLimitForTest(long limit) {
        seqLimit = limit;
    }

    // ---- slots -----------------------------------------------------------------------------

    private int allocSlot() {
        int slot = freeHead;
        if (slot >= 0) {
            freeHead = nextFree[slot];
            return slot;
        }
        if (slotsUsed == handler.length) {
            growSlots();
        }
        return slotsUsed++;
    }

    private long token(int slot) {
        return ((long) generation[slot] << 32) | slot;
    }

    private int liveSlotOf(long token) {
        int slot = (int) token;
        if (slot < 0 || slot >= slotsUsed || generation[slot] != (int) (token >>> 32) || liveSeq[slot] < 0) {
            return -1;
        }
        return slot;
    }

    private void growSlots() {
        int old = handler.length;
        if (old == MAX_SLOTS) {
            throw new IllegalStateException("more than " + MAX_SLOTS + " pending events");
        }
        int n = Math.min(old * 2, MAX_SLOTS);
        handler = Arrays.copyOf(handler, n);
        arg = Arrays.copyOf(arg, n);
        time = Arrays.copyOf(time, n);
        liveSeq = Arrays.copyOf(liveSeq, n);
        Arrays.fill(liveSeq, old, n, -1);
        generation = Arrays.copyOf(generation, n);
        nextFree = Arrays.copyOf(nextFree, n);
    }
}
