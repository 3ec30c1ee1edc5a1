package dev.kdumpsim.vtd;

/**
 * A cache of decoded 128-bit entries keyed by a 16-bit index (a source-id for the context cache, an
 * interrupt index for the interrupt entry cache). Storage is allocated per 256-entry chunk on first
 * use, so a hit or a refill allocates nothing after warm-up, and iteration order is the index order
 * (deterministic). Entries change only through {@link #put} and the invalidate methods: the model
 * never revalidates against memory, which is what makes a stale entry visible.
 */
final class EntryCache {

    private final long[][] a = new long[256][];
    private final long[][] b = new long[256][];
    private final boolean[][] valid = new boolean[256][];
    private int size;
    private long hits;
    private long misses;

    boolean lookup(int index) {
        boolean[] v = valid[(index >>> 8) & 0xff];
        if (v != null && v[index & 0xff]) {
            hits++;
            return true;
        }
        misses++;
        return false;
    }

    /** Whether {@code index} holds an entry (no hit/miss accounting). */
    boolean contains(int index) {
        boolean[] v = valid[(index >>> 8) & 0xff];
        return v != null && v[index & 0xff];
    }

    long a(int index) {
        return a[(index >>> 8) & 0xff][index & 0xff];
    }

    long b(int index) {
        return b[(index >>> 8) & 0xff][index & 0xff];
    }

    void put(int index, long va, long vb) {
        int c = (index >>> 8) & 0xff;
        if (valid[c] == null) {
            valid[c] = new boolean[256];
            a[c] = new long[256];
            b[c] = new long[256];
        }
        int i = index & 0xff;
        if (!valid[c][i]) {
            size++;
        }
        valid[c][i] = true;
        a[c][i] = va;
        b[c][i] = vb;
    }

    void invalidate(int index) {
        boolean[] v = valid[(index >>> 8) & 0xff];
        if (v != null && v[index & 0xff]) {
            v[index & 0xff] = false;
            size--;
        }
    }

    /** Invalidates every index {@code i} with {@code (i & mask) == (match & mask)}. */
    void invalidateMatching(int match, int mask) {
        for (int c = 0; c < 256; c++) {
            boolean[] v = valid[c];
            if (v == null) {
                continue;
            }
            for (int i = 0; i < 256; i++) {
                if (v[i] && (((c << 8) | i) & mask) == (match & mask)) {
                    v[i] = false;
                    size--;
                }
            }
        }
    }

    /** Invalidates every entry whose {@code b} word has {@code (b & mask) == value}. */
    void invalidateWhereB(long mask, long value) {
        for (int c = 0; c < 256; c++) {
            boolean[] v = valid[c];
            if (v == null) {
                continue;
            }
            for (int i = 0; i < 256; i++) {
                if (v[i] && (b[c][i] & mask) == value) {
                    v[i] = false;
                    size--;
                }
            }
        }
    }

    void invalidateAll() {
        invalidateMatching(0, 0);
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
}
