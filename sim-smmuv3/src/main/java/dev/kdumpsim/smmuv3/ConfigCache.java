package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.LongHashMap;

/**
 * The configuration cache (IHI0070 §16.2): decoded STE+CD per StreamID. Filled on a miss from
 * valid structures only (a fetch that ends in C_BAD_STREAMID/C_BAD_STE/C_BAD_CD caches nothing, so
 * such a StreamID re-reads memory on every transaction); emptied only by CMD_CFGI_* commands, so
 * software that changes an STE without CFGI keeps getting the old configuration.
 */
final class ConfigCache {

    private final LongHashMap<StreamConfig> entries = new LongHashMap<>(256);
    private long hits;
    private long misses;

    /** The valid cached entry for {@code sid}, or null. */
    StreamConfig lookup(int sid) {
        StreamConfig c = entries.get(sid & 0xffffffffL);
        if (c != null && c.valid) {
            hits++;
            return c;
        }
        misses++;
        return null;
    }

    /** Stores a copy of {@code fetched}, reusing the old slot object if there is one. */
    StreamConfig install(int sid, StreamConfig fetched) {
        long key = sid & 0xffffffffL;
        StreamConfig c = entries.get(key);
        if (c == null) {
            c = new StreamConfig();
            entries.put(key, c);
        }
        c.copyFrom(fetched);
        c.valid = true;
        return c;
    }

    void invalidate(int sid) {
        StreamConfig c = entries.get(sid & 0xffffffffL);
        if (c != null) {
            c.valid = false;
        }
    }

    /** Invalidates StreamIDs {@code first..last} (unsigned, inclusive). */
    void invalidateRange(long first, long last) {
        if (last - first < 4096) {
            for (long s = first; s <= last; s++) {
                invalidate((int) s);
            }
            return;
        }
        for (long key : entries.sortedKeys()) {
            if (key >= first && key <= last) {
                entries.get(key).valid = false;
            }
        }
    }

    void invalidateAll() {
        invalidateRange(0, 0xffffffffL);
    }

    boolean isCached(int sid) {
        StreamConfig c = entries.get(sid & 0xffffffffL);
        return c != null && c.valid;
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }
}
