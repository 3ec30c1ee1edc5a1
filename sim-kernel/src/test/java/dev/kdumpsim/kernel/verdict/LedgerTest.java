package dev.kdumpsim.kernel.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.mm.MemoryRoles;
import dev.kdumpsim.pcie.DmaFate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTest {

    static final long KERNEL1_PA = 0x1_0000_0000L;
    static final long FREE_PA = 0x9000_0000L;
    static final long LIVE_PA = 0xfd80_0000L;
    static final long NO_RAM = 0x8_0000_0000_0000L;
    static final int NIC = 0x101;
    static final int HBA = 0x100;

    private PhysicalMemory mem;
    private Ledger ledger;

    @BeforeEach
    void setUp() {
        mem = new PhysicalMemory(new Simulation(1));
        mem.addRegion("dram", 0, 16L << 30, "kernel1", MemoryRoles.KERNEL1);
        mem.addRegion("crashkernel", 0x7fe0_0000L, 0x8000_0000L, "kdump", MemoryRoles.FREE_KDUMP);
        mem.addRegion("kdump memblock", 0xfd00_0000L, 0x0100_0000L, "kdump", MemoryRoles.LIVE_KDUMP);
        ledger = new Ledger();
    }

    private void tx(long t, int rid, boolean write, DmaFate fate, long pa) {
        ledger.onTransaction(t, rid, write, pa, fate, pa, mem.regionAt(pa));
    }

    @Test
    void bypassedAccessesAreClassifiedByTheRoleOfTheMemoryHit() {
        tx(1, NIC, true, DmaFate.BYPASSED, LIVE_PA);
        tx(2, NIC, true, DmaFate.BYPASSED, FREE_PA);
        tx(3, NIC, true, DmaFate.BYPASSED, KERNEL1_PA);
        tx(4, NIC, true, DmaFate.BYPASSED, NO_RAM);
        tx(5, NIC, false, DmaFate.BYPASSED, LIVE_PA);
        assertEquals(2, ledger.count(LedgerFate.BYPASSED_CRASHKERNEL_LIVE));
        assertEquals(1, ledger.count(LedgerFate.BYPASSED_CRASHKERNEL_FREE));
        assertEquals(1, ledger.count(LedgerFate.BYPASSED_KERNEL1));
        assertEquals(1, ledger.count(LedgerFate.BYPASSED_NO_MEMORY));
        assertEquals(1, ledger.liveWrites(), "a read does not corrupt");
        assertEquals(1, ledger.freeWrites());
        Corruption c = ledger.firstCorruption();
        assertEquals(1, c.timeNs());
        assertEquals(MemoryRoles.LIVE_KDUMP, c.role());
        assertEquals("kdump memblock", c.region());
        assertEquals(NIC, c.requesterId());
        assertEquals(LedgerFate.BYPASSED_CRASHKERNEL_LIVE, c.fate());
        assertEquals(5, ledger.total());
    }

    @Test
    void translatedWritesIntoKdumpMemoryAreStaleUntilTheKdumpDriverOwnsTheFunction() {
        tx(1, HBA, true, DmaFate.TRANSLATED, LIVE_PA);
        assertEquals(1, ledger.count(LedgerFate.TRANSLATED_STALE_INTO_KDUMP));
        assertEquals(1, ledger.liveWrites());
        ledger.markKdumpOwned(HBA);
        tx(2, HBA, true, DmaFate.TRANSLATED, LIVE_PA);
        assertEquals(1, ledger.count(LedgerFate.TRANSLATED));
        assertEquals(1, ledger.liveWrites(), "the kdump driver's own DMA is legitimate");
        tx(3, NIC, true, DmaFate.TRANSLATED, KERNEL1_PA);
        assertEquals(2, ledger.count(LedgerFate.TRANSLATED));
    }

    @Test
    void abortsBlocksAndDiscardsMapOneToOne() {
        tx(1, NIC, false, DmaFate.ABORTED_WITH_EVENT, KERNEL1_PA);
        tx(1, NIC, false, DmaFate.ABORTED_SILENT, KERNEL1_PA);
        tx(1, NIC, true, DmaFate.BLOCKED_BME, KERNEL1_PA);
        tx(1, NIC, true, DmaFate.DISCARDED_RESET, KERNEL1_PA);
        tx(1, NIC, true, DmaFate.DISCARDED_LINK_DOWN, KERNEL1_PA);
        for (LedgerFate f : new LedgerFate[] {LedgerFate.ABORTED_WITH_EVENT, LedgerFate.ABORTED_SILENT,
                LedgerFate.BLOCKED_BME, LedgerFate.DISCARDED_RESET, LedgerFate.DISCARDED_LINK_DOWN}) {
            assertEquals(1, ledger.count(f), f.key());
        }
        assertEquals(5, ledger.total());
        assertEquals(3, ledger.writes(LedgerFate.BLOCKED_BME) + ledger.writes(LedgerFate.DISCARDED_RESET)
                + ledger.writes(LedgerFate.DISCARDED_LINK_DOWN));
        assertNull(ledger.firstCorruption());
        assertEquals(0, ledger.taintedPages(), "nothing reached memory");
    }

    @Test
    void dumpPagesAreTaintedOnlyByWritesBetweenPanicAndCapture() {
        ledger.panicAt(100);
        ledger.capturedAt(200);
        tx(50, NIC, true, DmaFate.TRANSLATED, KERNEL1_PA);           // before the panic
        tx(150, NIC, true, DmaFate.TRANSLATED, KERNEL1_PA);          // tainted
        tx(160, NIC, true, DmaFate.TRANSLATED, KERNEL1_PA + 64);     // same page
        tx(170, NIC, true, DmaFate.BYPASSED, KERNEL1_PA + 0x1000);   // bypassed write taints too
        tx(180, NIC, false, DmaFate.TRANSLATED, KERNEL1_PA + 0x2000); // reads do not
        tx(190, NIC, true, DmaFate.TRANSLATED, FREE_PA);             // not kernel #1 memory
        tx(200, NIC, true, DmaFate.TRANSLATED, KERNEL1_PA + 0x3000); // after the capture
        assertEquals(2, ledger.taintedPages());
        ledger.capturedAt(300); // a later capture does not extend the window
        tx(250, NIC, true, DmaFate.TRANSLATED, KERNEL1_PA + 0x4000);
        assertEquals(2, ledger.taintedPages());
        assertFalse(ledger.total() == 0);
    }
}
