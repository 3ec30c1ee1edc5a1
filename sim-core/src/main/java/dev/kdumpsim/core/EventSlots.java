package dev.kdumpsim.core;

import java.util.Arrays;

/**
 * The slots of scheduled events, for {@link EventQueue}: each pending event owns one, holding
 * its handler and a 32-byte record (argument, time, live sequence number, and generation with
 * the free-list link), so that firing an event touches two cache lines however many events are
 * pending.
 *
 * <p>Why generations: a token is {@code (generation << 32) | slot}; freeing a slot bumps its
 * generation, so a token of an event that already fired or was cancelled never reaches the
 * event that reuses the slot. Freed slots are reused last-in first-out: the slot of the event
 * that just fired is the one its handler most likely schedules into, and it is in cache.
 *
 * <p>Why a freed slot keeps its handler: a store of a reference into an array costs a GC write
 * barrier (G1's includes a store-load fence), and most events are scheduled by the handler that
 * just fired, into the slot it just freed; so {@link #alloc} stores the handler only when it
 * differs, and {@link #free} leaves it. A freed slot's handler is never called (its sequence
 * number says it is free); it is kept reachable until the slot is reused, at most as many handlers
 * as events were ever pending at once.
 *
 * <p>Not thread-safe: one simulation is one thread.
 */
final class EventSlots {

    static final int MAX_SLOTS = 1 << EventQueue.SLOT_BITS;
    private static final int INITIAL_CAPACITY = 16;
    private static final int REC = 4;
    private static final int ARG = 0;
    private static final int TIME = 1;
    private static final int SEQ = 2; // -1 when the slot has no pending event
    private static final int META = 3; // generation (low 32 bits), next free slot (high 32 bits)

    private EventHandler[] handler = new EventHandler[INITIAL_CAPACITY];
    private long[] rec = new long[INITIAL_CAPACITY * REC];
    private int freeHead = -1;
    private int used;

    EventSlots() {
        markFree(0, INITIAL_CAPACITY);
    }

    /** Takes a free slot for an event of {@code h} with argument {@code a}. */
    int alloc(EventHandler h, long a) {
        int slot = freeHead;
        if (slot >= 0) {
            freeHead = (int) (rec[slot * REC + META] >> 32);
        } else {
            if (used == handler.length) {
                grow();
            }
            slot = used++;
        }
        if (handler[slot] != h) {
            handler[slot] = h; // a reference store is a GC write barrier: skipped when the slot's last handler returns
        }
        rec[slot * REC + ARG] = a;
        return slot;
    }

    /** The token naming the current event of {@code slot}. */
    long token(int slot) {
        return ((rec[slot * REC + META] & 0xffff_ffffL) << 32) | slot;
    }

    /** Records the time and sequence number of the slot's (re)scheduled event. */
    void schedule(int slot, long time, long seq) {
        int r = slot * REC;
        rec[r + TIME] = time;
        rec[r + SEQ] = seq;
    }

    /** Gives a pending event a new sequence number (renumbering keeps its place). */
    void setSeq(int slot, long seq) {
        rec[slot * REC + SEQ] = seq;
    }

    /** Whether a queue entry {@code (seq, slot)} is no longer its slot's pending event. */
    boolean isStale(int slot, long seq) {
        return rec[slot * REC + SEQ] != seq;
    }

    EventHandler handler(int slot) {
        return handler[slot];
    }

    long arg(int slot) {
        return rec[slot * REC + ARG];
    }

    long time(int slot) {
        return rec[slot * REC + TIME];
    }

    /** Returns a slot whose event fired or was cancelled to the free list, invalidating its tokens. */
    void free(int slot) {
        int r = slot * REC;
        rec[r + SEQ] = -1; // the handler stays until the slot is reused (see the class comment)
        rec[r + META] = ((long) freeHead << 32) | ((rec[r + META] + 1) & 0xffff_ffffL);
        freeHead = slot;
    }

    /** The slot of {@code token} if its event is still pending, else -1. */
    int liveSlotOf(long token) {
        int slot = (int) token;
        if (slot < 0 || slot >= used) {
            return -1;
        }
        int r = slot * REC;
        if ((int) rec[r + META] != (int) (token >>> 32) || rec[r + SEQ] < 0) {
            return -1;
        }
        return slot;
    }

    private void grow() {
        int old = handler.length;
        if (old == MAX_SLOTS) {
            throw new IllegalStateException("more than " + MAX_SLOTS + " pending events");
        }
        int n = Math.min(old * 2, MAX_SLOTS);
        handler = Arrays.copyOf(handler, n);
        rec = Arrays.copyOf(rec, n * REC);
        markFree(old, n);
    }

    private void markFree(int from, int to) {
        for (int s = from; s < to; s++) {
            rec[s * REC + SEQ] = -1;
        }
    }
}
