package dev.kdumpsim.core;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One independent {@link SplittableRandom} per named stream, seeded from the run seed and the
 * stream's name only.
 *
 * <p>Why per name: a component's draws must not depend on which other components exist or in
 * what order they drew, so adding a device to a scenario leaves every other device's traffic
 * unchanged. The stream seed is {@code mix64(runSeed ^ mix64(fnv1a64(name)))}, using the
 * SplitMix64 finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014), which is also what {@code SplittableRandom} uses internally.
 *
 * <p>The map is only looked up, never iterated, so its hash order cannot leak into a run.
 */
public final class RandomStreams {

    private final long seed;
    private final Map<String, SplittableRandom> streams = new HashMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The run seed. */
    public long seed() {
        return seed;
    }

    /** The stream for {@code name}; the same object on every call with that name. */
    public SplittableRandom stream(String name) {
        return streams.computeIfAbsent(name, n -> new SplittableRandom(streamSeed(seed, n)));
    }

    /** The seed a stream of this name gets under this run seed. */
    public static long streamSeed(long runSeed, String name) {
        return mix64(runSeed ^ mix64(fnv1a64(name)));
    }

    /** An exponentially distributed draw with the given mean (inverse transform). */
    public static double exponential(SplittableRandom r, double mean) {
        // 1 - u lies in (0, 1], so the log is finite
        return -mean * Math.log(1.0 - r.nextDouble());
    }

    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
