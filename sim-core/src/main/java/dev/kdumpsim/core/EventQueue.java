package dev.kdumpsim.core;

import java.util.Arrays;

/**
 * The pending-event set: a radix heap (Ahuja, Mehlhorn, Orlin, Tarjan, "Faster algorithms for
 * the shortest path problem", JACM 37(2), 1990) with 2^DIGIT_BITS-ary digits, over
 * (time, sequence), on primitive arrays.
 *
 * <p>Why a radix heap: simulated time is monotone (nothing is scheduled before "now"), which is
 * exactly the precondition of a radix heap. An insert is an append to the bucket of the highest
 * digit in which its time differs from {@code last}, with no comparison; a pop takes from bucket
 * zero, and only when that is empty takes the lowest non-empty bucket, sets {@code last} to its
 * minimum (tracked on append, so no extra pass) and spreads its entries into lower buckets. Every
 * step is a sequential append or scan, so it stays fast when 10^5 events are pending, where a
 * comparison heap is bound by branch mispredictions and cache misses (docs/performance.md).
 * Buckets are numbered level-major, so the lowest non-empty one is the lowest set bit of one
 * bitmap.
 *
 * <p>FIFO ties: an entry's {@code aux} is {@code seq << 24 | slot}, and sequence numbers grow with
 * every insertion. Bucket zero holds only entries with time == last, kept in ascending aux: direct
 * inserts arrive with the largest sequence so far (append keeps order), and a bucket spread into an
 * empty bucket zero is sorted once. So equal times run in insertion order (SimPy's rule).
 *
 * <p>Each scheduled event owns a <em>slot</em>: its handler, and one 32-byte record (argument,
 * time, live sequence, generation and free-list link) so that firing an event touches two cache
 * lines however many events are pending. Cancellation is lazy: the slot forgets its sequence and
 * is freed at once; the stale entry is dropped when it surfaces or is spread, and all buckets are
 * compacted once garbage outnumbers live events. Tokens pack (generation, slot), so a stale token
 * never touches a recycled slot. An insert earlier than {@code last} (possible after
 * {@link #minTime} looked past a {@code runUntil} limit) re-bases the heap: rare and linear.
 *
 * <p>Not thread-safe: one simulation is one thread.
 */
final class EventQueue {

    static final int SLOT_BITS = 24;
    static final int MAX_SLOTS = 1 << SLOT_BITS;
    private static final long SLOT_MASK = MAX_SLOTS - 1;
    /** Sequence numbers stay below this so that {@code seq << 24 | slot} stays positive. */
    static final long SEQ_LIMIT = 1L << (63 - SLOT_BITS);
    /* An entry lives in bucket (level, digit): level is the highest DIGIT_BITS-bit digit in which
     * its time differs from last, digit its own value there. Spreading a bucket moves entries down
     * at least one level. Wider digits mean fewer levels to fall through (measured in the hold
     * model, docs/performance.md). */
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

    // slot-indexed: handler, and a record of REC longs
    private static final int REC = 4;
    private static final int ARG = 0;
    private static final int TIME = 1;
    private static final int SEQ = 2; // -1 when the slot has no pending event
    private static final int META = 3; // generation (low 32 bits), next free slot (high 32 bits)
    private EventHandler[] handler = new EventHandler[INITIAL_CAPACITY];
    private long[] rec = new long[INITIAL_CAPACITY * REC];
    private int freeHead = -1;
    private int slotsUsed;

    private long nextSeq;
    private long seqLimit = SEQ_LIMIT;

    EventQueue() {
        for (int s = 0; s < INITIAL_CAPACITY; s++) {
            rec[s * REC + SEQ] = -1;
        }
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
        int r = slot * REC;
        rec[r + ARG] = a;
        long token = ((rec[r + META] & 0xffff_ffffL) << 32) | slot;
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
            // bucket zero is empty: when the lowest bucket holds one entry (the usual case), that
            // entry is the minimum and fires from there, without a pass through bucket zero
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

    /** Takes the earliest pending event for firing and returns its slot; free it after reading. */
    int beginPoll() {
        int slot = pollUntil(Long.MAX_VALUE);
        if (slot < 0) {
            throw new IllegalStateException("no pending event");
        }
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
        return rec[slot * REC + ARG];
    }

    /** Returns a slot whose event fired (or was cancelled) to the free list, invalidating its tokens. */
    void freeSlot(int slot) {
        int r = slot * REC;
        handler[slot] = null;
        rec[r + SEQ] = -1;
        rec[r + META] = ((long) freeHead << 32) | ((rec[r + META] + 1) & 0xffff_ffffL);
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
        return rec[slot * REC + TIME];
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

    /** Test hook: makes sequence numbers run out after {@code limit} insertions. */
    void setSequenceLimitForTest(long limit) {
        seqLimit = limit;
    }

    // ---- buckets ---------------------------------------------------------------------------

    private void push(int slot, long t) {
        if (nextSeq >= seqLimit) {
            renumber();
        }
        long seq = nextSeq++;
        int r = slot * REC;
        rec[r + SEQ] = seq;
        rec[r + TIME] = t;
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
        return rec[(int) (aux & SLOT_MASK) * REC + SEQ] != (aux >>> SLOT_BITS);
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
        if (entries == live) { // no cancelled entry anywhere (the usual case): no slot lookups
            append(t0, a0); // always into a lower level than b's
            for (int j = 0; j < m; j += 2) {
                append(a[j], a[j + 1]);
            }
        } else {
            if (isGarbage(a0)) {
                entries--;
            } else {
                append(t0, a0);
            }
            for (int j = 0; j < m; j += 2) {
                long x = a[j + 1];
                if (isGarbage(x)) {
                    entries--;
                } else {
                    append(a[j], x);
                }
            }
        }
        if (size0 > 1) {
            Arrays.sort(zero, 0, size0);
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
            rec[slot * REC + SEQ] = i;
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
            if (!isGarbage(zero[j])) {
                out[n++] = new long[] {last, zero[j]};
            }
        }
        for (int b = 0; b < BUCKETS; b++) {
            int h = b * H;
            int count = (int) head[h + H_COUNT];
            if (count == 0) {
                continue;
            }
            if (!isGarbage(head[h + H_AUX])) {
                out[n++] = new long[] {head[h + H_TIME], head[h + H_AUX]};
            }
            long[] a = more[b];
            for (int j = 0; j < 2 * (count - 1); j += 2) {
                if (!isGarbage(a[j + 1])) {
                    out[n++] = new long[] {a[j], a[j + 1]};
                }
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
        for (int i = 0; i < n; i++) {
            pairs[2 * i] = out[i][0];
            pairs[2 * i + 1] = out[i][1];
        }
        return pairs;
    }

    // ---- slots -----------------------------------------------------------------------------

    private int allocSlot() {
        int slot = freeHead;
        if (slot >= 0) {
            freeHead = (int) (rec[slot * REC + META] >> 32);
            return slot;
        }
        if (slotsUsed == handler.length) {
            growSlots();
        }
        return slotsUsed++;
    }

    private int liveSlotOf(long token) {
        int slot = (int) token;
        if (slot < 0 || slot >= slotsUsed) {
            return -1;
        }
        int r = slot * REC;
        if ((int) rec[r + META] != (int) (token >>> 32) || rec[r + SEQ] < 0) {
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
        rec = Arrays.copyOf(rec, n * REC);
        for (int s = old; s < n; s++) {
            rec[s * REC + SEQ] = -1;
        }
    }
}
