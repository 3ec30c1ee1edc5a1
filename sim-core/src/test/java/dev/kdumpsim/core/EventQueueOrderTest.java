package dev.kdumpsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The radix heap against {@link PriorityQueue} keyed by (time, insertion sequence), over seeded
 * random runs that reach every part of it: ties, times across all 64 bits (every bucket level)
 * up to {@link Simulation#FOREVER}, {@code pollUntil} limits that leave the clock before the
 * next event (so a later insert re-bases the heap), cancel and reschedule storms (compaction),
 * stale tokens, and sequence numbers running out (renumbering).
 */
class EventQueueOrderTest {

    /** id, time, seq, token */
    private static final Comparator<long[]> BY_TIME_THEN_SEQ =
            Comparator.<long[]>comparingLong(e -> e[1]).thenComparingLong(e -> e[2]);

    @Test
    void popsInTheSameOrderAsAPriorityQueueOfTimeAndSequence() {
        for (int seed = 0; seed < 400; seed++) {
            runOne(seed);
        }
    }

    private static long draw(SplittableRandom r, long now, int style) {
        long d = switch (style) {
            case 0 -> r.nextInt(4); // ties
            case 1 -> (long) (-1e9 * Math.log(1.0 - r.nextDouble())); // hold-model delays, in ns
            case 2 -> r.nextLong(1L << r.nextInt(63)); // any magnitude: every level
            default -> r.nextInt(10) == 0 ? Long.MAX_VALUE : r.nextInt(1 << 20);
        };
        long t = now + d;
        return t < now ? Long.MAX_VALUE : t; // saturate as Simulation.scheduleAfter does
    }

    private static void runOne(int seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5eedL);
        EventQueue q = new EventQueue();
        if (seed % 5 == 4) {
            q.setSequenceLimitForTest(100 + r.nextInt(900));
        }
        PriorityQueue<long[]> ref = new PriorityQueue<>(BY_TIME_THEN_SEQ);
        Map<Long, long[]> byId = new HashMap<>();
        List<Long> liveIds = new ArrayList<>();
        List<Long> deadTokens = new ArrayList<>();
        int style = seed % 4;
        long now = 0;
        long seq = 0;
        long nextId = 0;
        int ops = 500 + r.nextInt(3000);
        for (int op = 0; op < ops; op++) {
            String at = "seed " + seed + " op " + op;
            int kind = r.nextInt(20);
            if (kind < 9 || liveIds.isEmpty()) {
                long id = nextId++;
                long t = draw(r, now, style);
                long[] e = {id, t, seq++, q.add(t, a -> { }, id)};
                ref.add(e);
                byId.put(id, e);
                liveIds.add(id);
            } else if (kind < 15) {
                long limit = r.nextInt(4) == 0 ? draw(r, now, style) : Long.MAX_VALUE;
                long[] first = ref.peek();
                int slot = q.pollUntil(limit);
                if (first == null || first[1] > limit) {
                    assertEquals(-1, slot, at);
                    if (limit != Long.MAX_VALUE) {
                        now = limit; // as runUntil(limit) leaves the clock
                    }
                    continue;
                }
                ref.poll();
                assertEquals(first[0], q.argOf(slot), at);
                assertEquals(first[1], q.lastPolledTime(), at);
                q.freeSlot(slot);
                now = first[1];
                liveIds.remove((Long) first[0]);
                byId.remove(first[0]);
                deadTokens.add(first[3]);
            } else if (kind < 17) {
                long id = liveIds.remove(r.nextInt(liveIds.size()));
                long[] e = byId.remove(id);
                ref.remove(e);
                assertTrue(q.cancel(e[3]), at);
                assertFalse(q.cancel(e[3]), at + " second cancel");
                deadTokens.add(e[3]);
            } else if (kind < 19) {
                long id = liveIds.get(r.nextInt(liveIds.size()));
                long[] e = byId.get(id);
                ref.remove(e);
                e[1] = draw(r, now, style);
                e[2] = seq++;
                ref.add(e);
                assertTrue(q.reschedule(e[3], e[1]), at);
                assertEquals(e[1], q.timeOf(e[3]), at);
            } else if (!deadTokens.isEmpty()) {
                long token = deadTokens.get(r.nextInt(deadTokens.size()));
                assertFalse(q.isPending(token), at + " stale token");
                assertFalse(q.cancel(token), at + " stale cancel");
                assertFalse(q.reschedule(token, now), at + " stale reschedule");
            }
            assertEquals(ref.size(), q.size(), at);
            assertTrue(q.garbage() <= Math.max(256, q.size()) + 1, at + " garbage is bounded");
        }
        while (!ref.isEmpty()) {
            long[] first = ref.poll();
            int slot = q.pollUntil(Long.MAX_VALUE);
            assertEquals(first[0], q.argOf(slot), "seed " + seed + " drain");
            q.freeSlot(slot);
        }
        assertEquals(-1, q.pollUntil(Long.MAX_VALUE));
        assertTrue(q.isEmpty());
    }

    @Test
    void cancelledEntriesAreCompactedOnceTheyOutnumberLiveOnes() {
        EventQueue q = new EventQueue();
        long[] tokens = new long[4000];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = q.add(1000L * i, a -> { }, i);
        }
        for (int i = 0; i < 3900; i++) {
            assertTrue(q.cancel(tokens[i]));
            assertTrue(q.garbage() < 256 || q.garbage() <= q.size(), "garbage " + q.garbage() + " live " + q.size());
        }
        assertEquals(100, q.size());
        int slot = q.pollUntil(Long.MAX_VALUE);
        assertEquals(3900, q.argOf(slot));
    }

    @Test
    void renumberingKeepsFifoTiesAcrossTheSequenceLimit() {
        EventQueue q = new EventQueue();
        q.setSequenceLimitForTest(8);
        for (int i = 0; i < 100; i++) {
            q.add(5, a -> { }, i);
        }
        for (int i = 0; i < 100; i++) {
            int slot = q.pollUntil(Long.MAX_VALUE);
            assertEquals(i, q.argOf(slot));
            q.freeSlot(slot);
        }
    }
}
