package dev.kdumpsim.core;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to objects, with no boxing on lookup.
 *
 * <p>There is deliberately no iterator: model code must not depend on hash order, so the only
 * way to enumerate is {@link #sortedKeys()}. Linear probing on a power-of-two table with a
 * SplitMix64-mixed hash; load factor at most one half; no removal (pages and cache entries
 * that need removal use a sentinel value instead).
 *
 * @param <V> value type
 */
public final class LongHashMap<V> {

    private long[] keys;
    private Object[] values;
    private boolean[] used;
    private int size;
    private int mask;

    public LongHashMap() {
        this(16);
    }

    public LongHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new Object[cap];
        used = new boolean[cap];
        mask = cap - 1;
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        int i = index(key);
        while (used[i]) {
            if (keys[i] == key) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Associates {@code value} with {@code key}, returning the previous value or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        int i = index(key);
        while (used[i]) {
            if (keys[i] == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            rehash();
        }
        return null;
    }

    /** All keys in ascending order. */
    public long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                out[n++] = keys[i];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Removes every entry. */
    public void clear() {
        Arrays.fill(used, false);
        Arrays.fill(values, null);
        size = 0;
    }

    private int index(long key) {
        return (int) RandomStreams.mix64(key) & mask;
    }

    private void rehash() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        boolean[] oldUsed = used;
        int cap = keys.length * 2;
        keys = new long[cap];
        values = new Object[cap];
        used = new boolean[cap];
        mask = cap - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int i = index(oldKeys[j]);
                while (used[i]) {
                    i = (i + 1) & mask;
                }
                used[i] = true;
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
