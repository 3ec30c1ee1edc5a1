package dev.kdumpsim.core;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * An IOMMU's translation cache as hardware models keep it: a bounded map from a packed key
 * (the model's tag and page number) to a packed value (the output page and its permissions), on
 * primitive arrays with open addressing so a hit allocates nothing. Full, it is flushed whole (a
 * deterministic replacement policy, so runs stay reproducible). Only the model's invalidation
 * commands change it: {@link #invalidateAll()} and {@link #invalidateIf(LongPredicate)}, never a
 * memory write (software that edits a table without invalidating keeps the old translation).
 * The SMMUv3 TLB (IHI0070 §16.2) and the VT-d IOTLB (VT-d §6.2) are two uses.
 *
 * <p>Keys and values are interleaved in one array ({@code cells[2i]} the key, {@code cells[2i+1]}
 * its value), so a hit reads one cache line, not one in each of two arrays.
 */
public final class TranslationCache {

    private static final long EMPTY = -1L;

    private final int capacity;
    private final long[] cells;
    private final int mask;
    private int size;
    private long hits;
    private long misses;
    private long flushes;

    /** A cache of at most {@code capacity} entries (keys must not be -1). */
    public TranslationCache(int capacity) {
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        cells = new long[2 * slots];
        mask = slots - 1;
        Arrays.fill(cells, EMPTY);
    }

    /** The cached value for {@code key}, or -1 on a miss. */
    public long lookup(long key) {
        int i = index(key);
        long k;
        while ((k = cells[2 * i]) != EMPTY) {
            if (k == key) {
                hits++;
                return cells[2 * i + 1];
            }
            i = (i + 1) & mask;
        }
        misses++;
        return -1;
    }

    public void insert(long key, long value) {
        if (size >= capacity) {
            invalidateAll();
        }
        int i = index(key);
        while (cells[2 * i] != EMPTY) {
            if (cells[2 * i] == key) {
                cells[2 * i + 1] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        cells[2 * i] = key;
        cells[2 * i + 1] = value;
        size++;
    }

    public void invalidateAll() {
        if (size != 0) {
            Arrays.fill(cells, EMPTY);
            size = 0;
            flushes++;
        }
    }

    /** Removes every entry whose key {@code hit} matches; the others are kept (rehashed in slot order). */
    public void invalidateIf(LongPredicate hit) {
        long[] old = cells.clone();
        Arrays.fill(cells, EMPTY);
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            long k = old[i];
            if (k != EMPTY && !hit.test(k)) {
                insert(k, old[i + 1]);
            }
        }
    }

    public int size() {
        return size;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    /** Whole-cache flushes (capacity reached, or invalidate-all). */
    public long flushes() {
        return flushes;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
