package dev.kdumpsim.vtd;

import dev.kdumpsim.core.TranslationCache;

/**
 * The IOTLB (VT-d 6.2, "IOTLB"): second-level translations tagged by domain-id, one entry per
 * 4 KiB of input address (a superpage is cached one 4 KiB piece at a time), in a
 * {@link TranslationCache}.
 * Changed only by IOTLB invalidations (register or queued), never by memory writes: software that
 * edits a page table without invalidating keeps getting the old translation.
 */
final class Iotlb {

    static final long READ = SecondLevelEntry.R;
    static final long WRITE = SecondLevelEntry.W;

    private final TranslationCache cache;

    Iotlb(int capacity) {
        this.cache = new TranslationCache(capacity);
    }

    /** The key of a domain's 4 KiB input page. */
    static long key(int did, long iova) {
        return ((long) (did & 0xffff) << 36) | ((iova >>> 12) & 0xf_ffff_ffffL);
    }

    /** The cached value (output page | {@link #READ} | {@link #WRITE}), or -1 on a miss. */
    long lookup(long key) {
        return cache.lookup(key);
    }

    void insert(long key, long value) {
        cache.insert(key, value);
    }

    void invalidateAll() {
        cache.invalidateAll();
    }

    /** Removes the entries of {@code did} (domain-selective), or only its pages in [first, first + 4K*2^am) (page-selective). */
    void invalidateDomain(int did, boolean pageSelective, long first, int am) {
        long pageFirst = (first >>> 12) & ~((1L << am) - 1);
        long pageEnd = pageFirst + (1L << am);
        cache.invalidateIf(k -> {
            long page = k & 0xf_ffff_ffffL;
            return (k >>> 36) == (did & 0xffff) && (!pageSelective || (page >= pageFirst && page < pageEnd));
        });
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

    long flushes() {
        return cache.flushes();
    }
}
