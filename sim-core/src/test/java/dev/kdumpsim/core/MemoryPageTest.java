package dev.kdumpsim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pending fills are invisible: over seeded random sequences of fills, byte stores, 64-bit stores
 * and reads, {@link PhysicalMemory} returns exactly what a plain byte array written in the same
 * order holds.
 */
class MemoryPageTest {

    private static final int PAGES = 3;
    private static final long BASE = 0x4000_0000L;

    @Test
    void readsMatchAPlainByteArrayOverRandomStores() {
        for (int seed = 0; seed < 200; seed++) {
            runOne(seed);
        }
    }

    private static void runOne(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        PhysicalMemory mem = new PhysicalMemory(new Simulation(seed));
        int agent = mem.registerAgent("dev");
        byte[] ref = new byte[PAGES * PhysicalMemory.PAGE_SIZE];
        int span = ref.length;
        // a few slot sizes, as receive rings and completion rings use, plus arbitrary ones
        int[] sizes = {16, 63, 64, 256, 2048, 4096};
        for (int op = 0; op < 400; op++) {
            int kind = r.nextInt(10);
            String where = "seed " + seed + " op " + op;
            if (kind < 5) {
                int len = r.nextBoolean() ? sizes[r.nextInt(sizes.length)] : 1 + r.nextInt(4096);
                int off = r.nextBoolean() ? (r.nextInt(span / 256) * 256) : r.nextInt(span);
                len = Math.min(len, span - off);
                long pattern = r.nextLong();
                mem.dmaWrite(agent, BASE + off, len, pattern);
                for (int i = 0; i < len; i++) {
                    long a = BASE + off + i;
                    ref[off + i] = (byte) (pattern >>> ((a & 7) << 3));
                }
            } else if (kind == 5) {
                int off = r.nextInt(span);
                byte[] src = new byte[Math.min(1 + r.nextInt(300), span - off)];
                r.nextBytes(src);
                mem.write(agent, BASE + off, src);
                System.arraycopy(src, 0, ref, off, src.length);
            } else if (kind == 6) {
                int off = r.nextInt(span / 8) * 8;
                long v = r.nextLong();
                mem.writeLong(agent, BASE + off, v);
                for (int i = 0; i < 8; i++) {
                    ref[off + i] = (byte) (v >>> (i << 3));
                }
            } else if (kind == 7) {
                int off = r.nextInt(span / 8) * 8;
                long want = 0;
                for (int i = 7; i >= 0; i--) {
                    want = (want << 8) | (ref[off + i] & 0xffL);
                }
                assertEquals(want, r.nextBoolean() ? mem.readLong(agent, BASE + off) : mem.peekLong(BASE + off), where);
            } else {
                int off = r.nextInt(span);
                byte[] got = new byte[Math.min(1 + r.nextInt(5000), span - off)];
                mem.read(agent, BASE + off, got);
                byte[] want = new byte[got.length];
                System.arraycopy(ref, off, want, 0, want.length);
                assertArrayEquals(want, got, where);
            }
        }
        byte[] all = new byte[span];
        mem.read(agent, BASE, all);
        assertArrayEquals(ref, all, "seed " + seed + " final");
    }

    @Test
    void aRingOfLargeBuffersStaysDeferredAndCountsAsBacked() {
        MemoryPage p = new MemoryPage();
        for (int i = 0; i < 1000; i++) {
            p.fill((i & 1) * 2048, 2048, i); // two 2 KiB receive buffers per page, reused
            assertTrue(p.pendingFills() <= 2, "a refilled slot replaces its pending fill");
        }
        assertTrue(p.backed());
        assertEquals(2, p.pendingFills());
        byte[] data = p.readable(2048, 2056);
        assertEquals(0, p.pendingFills(), "a read over a pending fill writes it out");
        assertEquals((byte) 999, data[2048]);
        assertEquals((byte) 998, data[0]);
    }

    @Test
    void shortFillsAreStoredAtOnceAndSplitALargerPendingFill() {
        MemoryPage p = new MemoryPage();
        p.fill(0, 4096, 0x1111111111111111L);
        p.fill(1024, 16, 0x2222222222222222L);
        assertEquals(2, p.pendingFills(), "the 16-byte store split the page-wide fill in two");
        byte[] d = p.readable(0, 4096);
        assertEquals(0x11, d[1023]);
        assertEquals(0x22, d[1024]);
        assertEquals(0x22, d[1039]);
        assertEquals(0x11, d[1040]);
    }

    @Test
    void tooManyPendingFillsAreWrittenOut() {
        MemoryPage p = new MemoryPage();
        for (int i = 0; i < MemoryPage.MAX_FILLS; i++) {
            p.fill(i * 256, 64, i + 1);
        }
        assertEquals(MemoryPage.MAX_FILLS, p.pendingFills());
        p.fill(3000, 256, 99);
        assertEquals(1, p.pendingFills());
        assertEquals(1, p.readable(0, 1)[0]);
    }
}
