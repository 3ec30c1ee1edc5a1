package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.TranslationCache;

/**
 * The SMMU TLB (IHI0070 §16.2): stage-1 translations tagged by ASID, one entry per 4 KiB of input
 * address, in a {@link TranslationCache}. Invalidated only by CMD_TLBI_* commands.
 */
final class Tlb {

    static final long WRITABLE = 1L;

    private final TranslationCache cache;

    Tlb(int capacity) {
        this.cache = new TranslationCache(capacity);
    }

    static long key(int asid, long va) {
        return ((long) (asid & 0xffff) << 40) | ((va >>> 12) & 0xff_ffff_ffffL);
    }

    /** The cached value (4K-aligned PA | {@link #WRITABLE}) for {@code key}, or -1 on a miss. */
    long lookup(long key) {
        return cache.lookup(key);
    }

    void insert(long key, long value) {
        cache.insert(key, value);
    }

    void invalidateAll() {
        cache.invalidateAll();
    }

    /** Removes every entry of {@code asid} (CMD_TLBI_NH_ASID), or every entry for {@code va} (NH_VA/VAA). */
    void invalidateMatching(int asid, boolean matchAsid, long va, boolean matchVa) {
        long vpn = (va >>> 12) & 0xff_ffff_ffffL;
        cache.invalidateIf(k -> (!matchAsid || (k >>> 40) == (asid & 0xffff)) && (!matchVa || (k & 0xff_ffff_ffffL) == vpn));
    }

    int size() {
        return cache.size();
    }

    long hits() {
        return cache.hits();
    }

    long misses() {
        return cache.misses();
    }
}
