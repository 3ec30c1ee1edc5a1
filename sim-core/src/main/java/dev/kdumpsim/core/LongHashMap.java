package dev.kdumpsim.core;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to objects, with no boxing on lookup.
 *
 * <p>There is deliberately no iterator: model code must not depend on hash order, so the only
 * way to enumerate is {@link #sortedKeys()}. Linear probing on a power-of-two table with a
 * SplitMix64-mixed hash; load factor at most one half; no removal (pages and cache entries
 * that need removal use a sentinel value instead). Values are never null: a non-null value is
 * what marks a cell used, so a hit reads two arrays (key and value), not three.
 *
 * @param <V> value type
 */
public final class LongHashMap<V> {

    private long[] keys;
    private Object[] values; // null: an empty cell
    private int size;
    private int mask;

    public LongHashMap() {
        this(16);
    }

    public LongHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new Object[cap];
        mask = cap - 1;
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        int i = index(key);
        Object v;
        while ((v = values[i]) != null) {
            if (keys[i] == key) {
                return (V) v;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Associates {@code value} (not null) with {@code key}, returning the previous value or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        int i = index(key);
        while (values[i] != null) {
            if (keys[i] == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
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
            if (values[i] != null) {
                out[n++] = keys[i];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Removes every entry. */
    public void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    private int index(long key) {
        return (int) RandomStreams.mix64(key) & mask;
    }

    private void rehash() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        int cap = keys.length * 2;
        keys = new long[cap];
        values = new Object[cap];
        mask = cap - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = index(oldKeys[j]);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
