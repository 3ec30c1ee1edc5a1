package dev.kdumpsim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LongHashMapTest {

    @Test
    void agreesWithTreeMapAndListsKeysSorted() {
        SplittableRandom r = new SplittableRandom(3);
        LongHashMap<Long> m = new LongHashMap<>();
        TreeMap<Long, Long> ref = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            long k = r.nextLong(5000) - 2500;
            long v = r.nextLong();
            assertEquals(ref.put(k, v), m.put(k, v));
        }
        for (long k = -2600; k < 2600; k++) {
            assertEquals(ref.get(k), m.get(k));
        }
        assertEquals(ref.size(), m.size());
        assertArrayEquals(ref.keySet().stream().mapToLong(Long::longValue).toArray(), m.sortedKeys());
        m.clear();
        assertNull(m.get(ref.firstKey()));
        assertEquals(0, m.size());
    }

    @Test
    void refusesNullValuesWhichWouldMarkACellEmpty() {
        LongHashMap<String> m = new LongHashMap<>();
        m.put(7, "seven");
        assertThrows(NullPointerException.class, () -> m.put(7, null));
        assertEquals("seven", m.get(7));
    }
}
