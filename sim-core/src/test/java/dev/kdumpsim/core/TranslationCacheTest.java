package dev.kdumpsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TranslationCacheTest {

    @Test
    void behavesAsABoundedMapThatFlushesWholeWhenFull() {
        SplittableRandom r = new SplittableRandom(7);
        TranslationCache c = new TranslationCache(64);
        Map<Long, Long> ref = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            long k = r.nextLong(200);
            switch (r.nextInt(4)) {
                case 0 -> {
                    if (ref.size() >= 64 && !ref.containsKey(k)) {
                        ref.clear();
                    }
                    c.insert(k, i);
                    ref.put(k, (long) i);
                }
                case 1 -> {
                    long even = r.nextInt(2);
                    c.invalidateIf(key -> (key & 1) == even);
                    ref.keySet().removeIf(key -> (key & 1) == even);
                }
                default -> assertEquals(ref.getOrDefault(k, -1L).longValue(), c.lookup(k), "key " + k + " at step " + i);
            }
            assertEquals(ref.size(), c.size());
        }
    }
}
