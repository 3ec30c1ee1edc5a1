package dev.kdumpsim.smmuv3;

import java.util.Arrays;

/**
 * The SMMU TLB (IHI0070 §16.2): stage-1 translations tagged by ASID, one entry per 4 KiB of input
 * address. Open addressing on primitive arrays so a hit allocates nothing. When full it is flushed
 * whole (a deterministic replacement policy). Invalidated only by CMD_TLBI_* commands.
 */
final class Tlb {

    private static final long EMPTY = -1L;
    static final long WRITABLE = 1L;

    private final int capacity;
    private long[] keys;
    private long[] values;
    private int mask;
    private int size;
    private long hits;
    private long misses;
    private long flushes;

    Tlb(int capacity) {
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        keys = new long[slots];
        values = new long[slots];
        mask = slots - 1;
        Arrays.fill(keys, EMPTY);
    }

    static long key(int asid, long va) {
        return ((long) (asid & 0xffff) << 40) | ((va >>> 12) & 0xff_ffff_ffffL);
    }

    /** The cached value (4K-aligned PA | {@link #WRITABLE}) for {@code key}, or -1 on a miss. */
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

    /** Removes every entry of {@code asid} (CMD_TLBI_NH_ASID), or every entry for {@code va} (NH_VA/VAA). */
    void invalidateMatching(int asid, boolean matchAsid, long va, boolean matchVa) {
        long[] oldKeys = keys.clone();
        long[] oldValues = values.clone();
        Arrays.fill(keys, EMPTY);
        size = 0;
        long vpn = (va >>> 12) & 0xff_ffff_ffffL;
        for (int i = 0; i < oldKeys.length; i++) {
            long k = oldKeys[i];
            if (k == EMPTY) {
                continue;
            }
            boolean asidHit = !matchAsid || (k >>> 40) == (asid & 0xffff);
            boolean vaHit = !matchVa || (k & 0xff_ffff_ffffL) == vpn;
            if (!(asidHit && vaHit)) {
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

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
