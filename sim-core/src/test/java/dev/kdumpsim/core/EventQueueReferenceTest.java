package dev.kdumpsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The event queue checked against a plain reference: a TreeMap keyed by (time, seq), over many
 * seeded random sequences of add / poll / cancel / reschedule.
 */
class EventQueueReferenceTest {

    private record Key(long time, long seq) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Test
    void matchesTreeMapReferenceOverRandomOperations() {
        for (int seed = 0; seed < 300; seed++) {
            runOne(seed);
        }
    }

    private static void runOne(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        EventQueue q = new EventQueue();
        TreeMap<Key, Long> ref = new TreeMap<>(); // key -> id
        Map<Long, Key> keyOfId = new java.util.HashMap<>();
        Map<Long, Long> tokenOfId = new java.util.HashMap<>();
        List<Long> live = new ArrayList<>();
        long seq = 0;
        long nextId = 0;
        long now = 0;
        int ops = 200 + r.nextInt(800);
        int timeRange = 1 + r.nextInt(50); // small ranges force many ties
        for (int op = 0; op < ops; op++) {
            int kind = r.nextInt(10);
            if (kind < 5 || live.isEmpty()) {
                long id = nextId++;
                long t = now + r.nextInt(timeRange);
                long token = q.add(t, a -> { }, id);
                Key k = new Key(t, seq++);
                ref.put(k, id);
                keyOfId.put(id, k);
                tokenOfId.put(id, token);
                live.add(id);
            } else if (kind < 8) {
                Map.Entry<Key, Long> first = ref.pollFirstEntry();
                assertEquals(first.getKey().time(), q.minTime(), "seed " + seed + " op " + op);
                boolean asHandler = r.nextBoolean();
                int slot = q.pollUntil(Long.MAX_VALUE);
                assertEquals((long) first.getValue(), q.argOf(slot), "seed " + seed + " op " + op);
                q.freeSlot(slot);
                now = first.getKey().time();
                live.remove(first.getValue());
                if (asHandler) {
                    // what a handler may do while its own event is the dead root: add, cancel, reschedule
                    int inner = r.nextInt(4);
                    for (int k = 0; k < inner; k++) {
                        int what = r.nextInt(3);
                        if (what == 0 || live.isEmpty()) {
                            long id = nextId++;
                            long t = now + r.nextInt(timeRange);
                            tokenOfId.put(id, q.add(t, a -> { }, id));
                            Key key = new Key(t, seq++);
                            ref.put(key, id);
                            keyOfId.put(id, key);
                            live.add(id);
                        } else if (what == 1) {
                            Long id = live.remove(r.nextInt(live.size()));
                            ref.remove(keyOfId.get(id));
                            assertEquals(true, q.cancel(tokenOfId.get(id)), "seed " + seed);
                        } else {
                            Long id = live.get(r.nextInt(live.size()));
                            long t = now + r.nextInt(timeRange);
                            ref.remove(keyOfId.get(id));
                            Key key = new Key(t, seq++);
                            ref.put(key, id);
                            keyOfId.put(id, key);
                            assertEquals(true, q.reschedule(tokenOfId.get(id), t), "seed " + seed);
                        }
                        assertEquals(ref.size(), q.size(), "seed " + seed + " inner op");
                    }
                }
            } else if (kind == 8) {
                Long id = live.remove(r.nextInt(live.size()));
                ref.remove(keyOfId.get(id));
                assertEquals(true, q.cancel(tokenOfId.get(id)), "seed " + seed);
                assertEquals(false, q.cancel(tokenOfId.get(id)), "seed " + seed);
            } else {
                Long id = live.get(r.nextInt(live.size()));
                long t = now + r.nextInt(timeRange);
                ref.remove(keyOfId.get(id));
                Key k = new Key(t, seq++);
                ref.put(k, id);
                keyOfId.put(id, k);
                assertEquals(true, q.reschedule(tokenOfId.get(id), t), "seed " + seed);
            }
            assertEquals(ref.size(), q.size(), "seed " + seed + " op " + op);
        }
        while (!ref.isEmpty()) {
            Map.Entry<Key, Long> first = ref.pollFirstEntry();
            int slot = q.pollUntil(Long.MAX_VALUE);
            assertEquals((long) first.getValue(), q.argOf(slot), "seed " + seed + " drain");
            q.freeSlot(slot);
        }
        assertEquals(0, q.size());
    }
}
