package dev.kdumpsim.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One 4 KiB page of {@link PhysicalMemory}: its accounting, and its contents as bytes plus a few
 * <em>pending fills</em>.
 *
 * <p>Why pending fills: a DMA payload is modelled as a pattern (byte {@code i} of the page holds
 * byte {@code i & 7} of a 64-bit value, see {@link PhysicalMemory#dmaWrite}), and almost nothing
 * reads a receive buffer back. Storing every byte of a 2 KiB buffer made the cost of a DMA write
 * grow with its length; recording {@code [lo, hi) <- pattern} instead costs the same for 64 bytes
 * and for 4 KiB. The bytes are written out ("materialised") only when something reads a range a
 * pending fill covers, or when the page holds too many of them.
 *
 * <p>Invariant: pending fills never overlap; a byte covered by one holds that fill's pattern
 * byte, any other byte holds {@code data[i]} (zero while {@code data} is null). Every store
 * first removes ("punches") its range from the pending fills, so the newest store always wins,
 * exactly as if every byte had been written in order. Short fills are stored at once: recording
 * them would cost more than the stores.
 *
 * <p>Not modelled: nothing here is visible outside the class; reads return the same bytes as a
 * plain byte array written in the same order would.
 */
final class MemoryPage {

    static final int SIZE = PhysicalMemory.PAGE_SIZE;
    /** Pending fills per page; a page with more is materialised (rare: rings reuse buffer slots). */
    static final int MAX_FILLS = 8;
    /**
     * Fills shorter than this are stored at once (at most 8 stores, one cache line): completion
     * entries and MSI data, which share a page by the dozen and would overflow the pending fills.
     */
    static final int DEFER_MIN_BYTES = 64;
    /** Little-endian 64-bit view of a page buffer: fills move 8 bytes per store. */
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final AccessStats stats = new AccessStats();
    private byte[] data;
    private int fills;
    private int[] fillLo;
    private int[] fillHi;
    private long[] fillPattern;

    /** Whether anything was ever stored in this page (bytes or a pending fill). */
    boolean backed() {
        return data != null || fills != 0;
    }

    /** Pending fills held (for tests). */
    int pendingFills() {
        return fills;
    }

    /** Stores {@code pattern}'s bytes over {@code [off, off + len)}, by page offset phase. */
    void fill(int off, int len, long pattern) {
        int end = off + len;
        if (fills != 0) {
            punch(off, end);
        }
        if (len < DEFER_MIN_BYTES) {
            if (data == null) {
                data = new byte[SIZE];
            }
            fillBytes(data, off, end, pattern);
            return;
        }
        if (fills == MAX_FILLS) {
            materialise();
        } else if (fillPattern == null) {
            fillLo = new int[MAX_FILLS];
            fillHi = new int[MAX_FILLS];
            fillPattern = new long[MAX_FILLS];
        }
        int n = fills;
        fillLo[n] = off;
        fillHi[n] = end;
        fillPattern[n] = pattern;
        fills = n + 1;
    }

    /** The page's bytes, ready for the caller to store into {@code [off, end)}. */
    byte[] writable(int off, int end) {
        if (fills != 0) {
            punch(off, end);
        }
        if (data == null) {
            data = new byte[SIZE];
        }
        return data;
    }

    /** The page's bytes, up to date over {@code [off, end)}; null if nothing was ever stored (zeros). */
    byte[] readable(int off, int end) {
        for (int i = 0; i < fills; i++) {
            if (fillLo[i] < end && fillHi[i] > off) {
                materialise();
                break;
            }
        }
        return data;
    }

    /** Removes {@code [lo, hi)} from the pending fills: the caller is about to store there. */
    private void punch(int lo, int hi) {
        int n = fills;
        int w = 0;
        for (int i = 0; i < n; i++) {
            int a = fillLo[i];
            int b = fillHi[i];
            long p = fillPattern[i];
            if (b <= lo || a >= hi) {
                keep(w++, a, b, p); // disjoint
            } else if (a < lo && b > hi) {
                // strictly inside one fill: since fills are disjoint, no other fill meets [lo, hi)
                if (n == MAX_FILLS) {
                    materialise(); // no room for the second half; the caller overwrites [lo, hi) next
                    return;
                }
                fillHi[i] = lo;
                keep(n, hi, b, p);
                fills = n + 1;
                return;
            } else if (a < lo) {
                keep(w++, a, lo, p);
            } else if (b > hi) {
                keep(w++, hi, b, p);
            } // else wholly covered: dropped
        }
        fills = w;
    }

    private void keep(int i, int lo, int hi, long pattern) {
        fillLo[i] = lo;
        fillHi[i] = hi;
        fillPattern[i] = pattern;
    }

    /** Writes every pending fill's bytes out. */
    private void materialise() {
        if (data == null) {
            data = new byte[SIZE];
        }
        for (int i = 0; i < fills; i++) {
            fillBytes(data, fillLo[i], fillHi[i], fillPattern[i]);
        }
        fills = 0;
    }

    /** Byte {@code i} of {@code [off, end)} gets byte {@code i & 7} of {@code pattern}, whatever the alignment. */
    static void fillBytes(byte[] data, int off, int end, long pattern) {
        int i = off;
        while (i < end && (i & 7) != 0) {
            data[i] = (byte) (pattern >>> ((i & 7) << 3));
            i++;
        }
        for (; i + 8 <= end; i += 8) {
            LONG_LE.set(data, i, pattern);
        }
        for (; i < end; i++) {
            data[i] = (byte) (pattern >>> ((i & 7) << 3));
        }
    }
}
