package dev.kdumpsim.core;

import java.util.Arrays;

/**
 * The pending-event set: a 4-ary min-heap on primitive arrays, keyed by (time, sequence).
 *
 * <p>Why this shape: a d-ary heap with d = 4 halves the depth of a binary heap while its four
 * children sit in one half cache line of {@code heapTime}; keeping time, sequence and slot in
 * parallel primitive arrays means no object per event and no pointer chasing. Each scheduled
 * event owns a <em>slot</em> (handler, argument, heap position, generation); the token handed
 * to callers packs (generation, slot) so cancelling a fired or cancelled event is detected
 * rather than hitting a recycled slot. Sequence numbers are assigned at insertion and never
 * reused, so equal times pop in FIFO order (SimPy's (time, priority, id) rule).
 *
 * <p>Not thread-safe: one simulation is one thread.
 */
final class EventQueue {

    private static final int INITIAL_CAPACITY = 64;

    // heap-ordered
    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;
    private int size;

    // slot-indexed
    private EventHandler[] handler;
    private long[] arg;
    private int[] generation;
    private int[] heapPos; // -1 while the slot is free
    private int[] nextFree;
    private int freeHead = -1;
    private int slotsUsed;

    private long nextSeq;

    EventQueue() {
        heapTime = new long[INITIAL_CAPACITY];
        heapSeq = new long[INITIAL_CAPACITY];
        heapSlot = new int[INITIAL_CAPACITY];
        handler = new EventHandler[INITIAL_CAPACITY];
        arg = new long[INITIAL_CAPACITY];
        generation = new int[INITIAL_CAPACITY];
        heapPos = new int[INITIAL_CAPACITY];
        nextFree = new int[INITIAL_CAPACITY];
        Arrays.fill(heapPos, -1);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest event; only valid when not empty. */
    long minTime() {
        return heapTime[0];
    }

    /** Inserts an event and returns its token. */
    long add(long time, EventHandler h, long a) {
        int slot = allocSlot();
        handler[slot] = h;
        arg[slot] = a;
        if (size == heapTime.length) {
            growHeap();
        }
        siftUp(size++, time, nextSeq++, slot);
        return token(slot);
    }

    /** Removes the earliest event, returning its slot; the caller reads it then frees it. */
    int pollSlot() {
        int slot = heapSlot[0];
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTime[last], heapSeq[last], heapSlot[last]);
        }
        heapPos[slot] = -2; // popped, not yet freed
        return slot;
    }

    EventHandler handlerOf(int slot) {
        return handler[slot];
    }

    long argOf(int slot) {
        return arg[slot];
    }

    /** Returns a popped slot to the free list, invalidating its tokens. */
    void freeSlot(int slot) {
        handler[slot] = null;
        heapPos[slot] = -1;
        generation[slot]++;
        nextFree[slot] = freeHead;
        freeHead = slot;
    }

    boolean isPending(long token) {
        int slot = slotOf(token);
        return slot >= 0 && heapPos[slot] >= 0;
    }

    long timeOf(long token) {
        int slot = slotOf(token);
        if (slot < 0 || heapPos[slot] < 0) {
            throw new IllegalArgumentException("event is not pending");
        }
        return heapTime[heapPos[slot]];
    }

    /** Cancels a pending event; false if it already fired or was cancelled. */
    boolean cancel(long token) {
        int slot = slotOf(token);
        if (slot < 0 || heapPos[slot] < 0) {
            return false;
        }
        removeAt(heapPos[slot]);
        freeSlot(slot);
        return true;
    }

    /**
     * Moves a pending event to a new time. It takes a fresh sequence number, so it runs after
     * events already scheduled for that same time, exactly as if cancelled and added again.
     */
    boolean reschedule(long token, long time) {
        int slot = slotOf(token);
        if (slot < 0 || heapPos[slot] < 0) {
            return false;
        }
        int i = heapPos[slot];
        long seq = nextSeq++;
        if (less(time, seq, heapTime[i], heapSeq[i])) {
            siftUp(i, time, seq, slot);
        } else {
            siftDown(i, time, seq, slot);
        }
        return true;
    }

    private void removeAt(int i) {
        int last = --size;
        if (i == last) {
            return;
        }
        long t = heapTime[last];
        long s = heapSeq[last];
        int sl = heapSlot[last];
        if (i > 0 && less(t, s, heapTime[(i - 1) >> 2], heapSeq[(i - 1) >> 2])) {
            siftUp(i, t, s, sl);
        } else {
            siftDown(i, t, s, sl);
        }
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int i, long t, long s, int slot) {
        while (i > 0) {
            int p = (i - 1) >> 2;
            long pt = heapTime[p];
            if (t > pt || (t == pt && s > heapSeq[p])) {
                break;
            }
            move(p, i);
            i = p;
        }
        place(i, t, s, slot);
    }

    private void siftDown(int i, long t, long s, int slot) {
        final int n = size;
        final long[] ht = heapTime;
        while (true) {
            int c = (i << 2) + 1;
            if (c >= n) {
                break;
            }
            int best = c;
            long bt = ht[c];
            int end = Math.min(c + 4, n);
            for (int k = c + 1; k < end; k++) {
                long kt = ht[k];
                if (kt < bt || (kt == bt && heapSeq[k] < heapSeq[best])) {
                    best = k;
                    bt = kt;
                }
            }
            if (t < bt || (t == bt && s < heapSeq[best])) {
                break;
            }
            move(best, i);
            i = best;
        }
        place(i, t, s, slot);
    }

    private void move(int from, int to) {
        heapTime[to] = heapTime[from];
        heapSeq[to] = heapSeq[from];
        int sl = heapSlot[from];
        heapSlot[to] = sl;
        heapPos[sl] = to;
    }

    private void place(int i, long t, long s, int slot) {
        heapTime[i] = t;
        heapSeq[i] = s;
        heapSlot[i] = slot;
        heapPos[slot] = i;
    }

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

    private int slotOf(long token) {
        int slot = (int) token;
        if (slot < 0 || slot >= slotsUsed || generation[slot] != (int) (token >>> 32)) {
            return -1;
        }
        return slot;
    }

    private void growHeap() {
        int n = heapTime.length * 2;
        heapTime = Arrays.copyOf(heapTime, n);
        heapSeq = Arrays.copyOf(heapSeq, n);
        heapSlot = Arrays.copyOf(heapSlot, n);
    }

    private void growSlots() {
        int old = handler.length;
        int n = old * 2;
        handler = Arrays.copyOf(handler, n);
        arg = Arrays.copyOf(arg, n);
        generation = Arrays.copyOf(generation, n);
        nextFree = Arrays.copyOf(nextFree, n);
        heapPos = Arrays.copyOf(heapPos, n);
        Arrays.fill(heapPos, old, n, -1);
    }
}
