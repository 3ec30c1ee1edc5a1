package dev.kdumpsim.vtd;

import java.util.Arrays;

/**
 * The IOTLB (VT-d 6.2, "IOTLB"): second-level translations tagged by domain-id, one entry per
 * 4 KiB of input address (a superpage is cached one 4 KiB piece at a time). Open addressing on
 * primitive arrays, so a hit allocates nothing; full -> flushed whole (a deterministic policy).
 * Changed only by IOTLB invalidations (register or queued), never by memory writes: software that
 * edits a page table without invalidating keeps getting the old translation.
 */
final class Iotlb {

    private static final long EMPTY = -1L;
    static final long READ = SecondLevelEntry.R;
    static final long WRITE = SecondLevelEntry.W;

    private final int capacity;
    private final long[] keys;
    private final long[] values;
    private final int mask;
    private int size;
    private long hits;
    private long misses;
    private long flushes;

    Iotlb(int capacity) {
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        keys = new long[slots];
        values = new long[slots];
        mask = slots - 1;
        Arrays.fill(keys, EMPTY);
    }

    /** Key of (domain-id, 4 KiB page of {@code iova}); IOVAs are below 2^48 once the AGAW check passed. */
    static long key(int did, long iova) {
        return ((long) (did & 0xffff) << 36) | ((iova >>> 12) & 0xf_ffff_ffffL);
    }

    /** The cached value (4K-aligned PA | {@link #READ} | {@link #WRITE}), or -1 on a miss. */
    long lookup(long key) {
        int i = index(key);
        long k;
        while ((k = keys[i]) != EMPTY) {
            if (k == key) {
                hits++;
                return values[i];
            }
            i = (i + 1) & mask;
        }
        misses++;
        return -1;
    }

    void insert(long key, long value) {
        if (size >= capacity) {
            invalidateAll();
        }
        int i = index(key);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    void invalidateAll() {
        if (size != 0) {
            Arrays.fill(keys, EMPTY);
            size = 0;
            flushes++;
        }
    }

    /** Removes the entries of {@code did} (domain-selective), or only its pages in [first, first + 4K*2^am) (page-selective). */
    void invalidateDomain(int did, boolean pageSelective, long first, int am) {
        long pageFirst = (first >>> 12) & ~((1L << am) - 1);
        long pageEnd = pageFirst + (1L << am);
        long[] oldKeys = keys.clone();
        long[] oldValues = values.clone();
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            long k = oldKeys[i];
            if (k == EMPTY) {
                continue;
            }
            long page = k & 0xf_ffff_ffffL;
            boolean hit = (k >>> 36) == (did & 0xffff) && (!pageSelective || (page >= pageFirst && page < pageEnd));
            if (!hit) {
                insert(k, oldValues[i]);
            }
        }
    }

    int size() {
        return size;
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    long flushes() {
        return flushes;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
