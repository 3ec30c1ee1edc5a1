package dev.kdumpsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhysicalMemoryTest {

    private static final long GIB = 1L << 30;
    private static final long CK_BASE = 0x7fe0_0000L;
    private static final long CK_SIZE = 2 * GIB;

    private final Simulation sim = new Simulation(0);
    private final PhysicalMemory mem = new PhysicalMemory(sim);
    private final MemoryRegion dram = mem.addRegion("dram", 0x8000_0000L - 0x8000_0000L, 8 * GIB, "kernel #1", "RAM");
    private final MemoryRegion crash = mem.addRegion("crashkernel", CK_BASE, CK_SIZE, "kdump kernel", "crashkernel");
    private final MemoryRegion text = mem.addRegion("kdump-text", CK_BASE, 0x0200_0000L, "kdump kernel", "kernel text");
    private final int nic = mem.registerAgent("01:00.0");
    private final int hba = mem.registerAgent("02:00.0");

    @Test
    void innermostRegionWinsAtEdges() {
        assertSame(dram, mem.regionAt(CK_BASE - 1));
        assertSame(text, mem.regionAt(CK_BASE));
        assertSame(text, mem.regionAt(CK_BASE + 0x0200_0000L - 1));
        assertSame(crash, mem.regionAt(CK_BASE + 0x0200_0000L));
        assertSame(crash, mem.regionAt(CK_BASE + CK_SIZE - 1));
        assertSame(dram, mem.regionAt(CK_BASE + CK_SIZE));
        assertNull(mem.regionAt(8 * GIB));
        assertTrue(mem.isWithin(text, crash));
        assertTrue(mem.isWithin(text, dram));
        assertTrue(!mem.isWithin(crash, text));
    }

    @Test
    void writeAccountingPerRegionAndPageWithFirstAndLastWriter() {
        sim.runUntil(100);
        mem.dmaWrite(nic, CK_BASE - 256, 256, 0x1111);   // last bytes of dram below crashkernel
        sim.runUntil(200);
        assertSame(text, mem.dmaWrite(hba, CK_BASE, 64, 0x2222));
        sim.runUntil(300);
        mem.dmaWrite(nic, CK_BASE + 64, 64, 0x3333);

        AccessStats ts = mem.stats(text);
        assertEquals(2, ts.writes());
        assertEquals(128, ts.bytesWritten());
        assertEquals(hba, ts.firstWriter());
        assertEquals(200, ts.firstWriteNs());
        assertEquals(nic, ts.lastWriter());
        assertEquals(300, ts.lastWriteNs());
        assertEquals(1, mem.stats(dram).writes());
        assertEquals(0, mem.stats(crash).writes(), "children are accounted in the innermost region only");

        AccessStats page = mem.pageStats(CK_BASE);
        assertEquals(2, page.writes());
        assertEquals(nic, mem.pageStats(CK_BASE - 1).lastWriter());
        assertEquals("02:00.0", mem.agentName(ts.firstWriter()));
    }

    @Test
    void accessSpanningAPageBoundaryIsSplitAndAccountedTwice() {
        mem.dmaWrite(nic, 0x1000 - 8, 16, -1L);
        assertEquals(1, mem.pageStats(0x0).writes());
        assertEquals(8, mem.pageStats(0x0).bytesWritten());
        assertEquals(1, mem.pageStats(0x1000).writes());
        assertEquals(2, mem.stats(dram).writes());
        assertEquals(-1L, mem.peekLong(0x1000 - 8));
        assertEquals(-1L, mem.peekLong(0x1000));
    }

    @Test
    void readsAreAccountedAndUnwrittenMemoryReadsZero() {
        sim.runUntil(5);
        assertEquals(0, mem.readLong(hba, 0x4000));
        mem.dmaRead(nic, 0x4000, 256);
        AccessStats p = mem.pageStats(0x4000);
        assertEquals(2, p.reads());
        assertEquals(264, p.bytesRead());
        assertEquals(hba, p.firstReader());
        assertEquals(nic, p.lastReader());
        assertEquals(0, mem.backedPageCount(), "reads allocate no data");
    }

    @Test
    void longsRoundTripLittleEndian() {
        mem.writeLong(hba, CK_BASE + 8, 0x0000_0100_0000_0002L);
        assertEquals(0x0000_0100_0000_0002L, mem.readLong(hba, CK_BASE + 8));
        byte[] b = new byte[8];
        mem.read(hba, CK_BASE + 8, b);
        assertEquals(0x02, b[0]);
        assertEquals(0x01, b[5], "StreamID 0x100 sits in bits 47:40");
        assertThrows(IllegalArgumentException.class, () -> mem.readLong(hba, 3));
    }

    @Test
    void dmaPatternOverwritesStructuredData() {
        mem.writeLong(hba, 0x9000, 0x1234);
        mem.dmaWrite(nic, 0x9000, 8, 0xdeadbeefL);
        assertEquals(0xdeadbeefL, mem.readLong(hba, 0x9000));
    }

    @Test
    void untouchedTwoGibRegionCostsNoPages() {
        assertEquals(0, mem.touchedPageCount());
        mem.dmaWrite(nic, CK_BASE + GIB, 4, 1);
        assertEquals(1, mem.touchedPageCount());
        assertEquals(1, mem.backedPageCount());
        assertEquals(CK_BASE + GIB, mem.touchedPages()[0]);
    }

    @Test
    void unmappedAccessesAreAccountedSeparately() {
        mem.dmaWrite(nic, 16 * GIB, 64, 0);
        assertEquals(1, mem.unmappedStats().writes());
    }

    @Test
    void partialOverlapIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> mem.addRegion("bad", CK_BASE + CK_SIZE - 0x1000, 0x2000, "x", "y"));
        assertThrows(IllegalArgumentException.class, () -> mem.addRegion("dram", 0x1_0000_0000_0L, 0x1000, "x", "y"));
    }

    @Test
    void dmaFillIsTheSamePatternAtAnyAlignmentAndLength() {
        long pattern = 0x8877665544332211L;
        for (int start = 0; start < 16; start++) {
            for (int len = 1; len <= 40; len++) {
                long base = 0x20000 + start;
                mem.dmaWrite(nic, base, len, pattern);
                byte[] got = new byte[len];
                mem.read(hba, base, got);
                for (int i = 0; i < len; i++) {
                    long addr = base + i;
                    assertEquals((byte) (pattern >>> ((addr & 7) << 3)), got[i], "start " + start + " len " + len + " byte " + i);
                }
            }
        }
    }
}
