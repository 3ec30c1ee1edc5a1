package dev.kdumpsim.vtd;

import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.Translation;
import dev.kdumpsim.core.TranslationOutcome;
import org.junit.jupiter.api.Test;

/** Scalable mode (3.4.3): root -> context -> PASID directory -> PASID entry of RID_PASID -> second level. */
class ScalableModeTest {

    static final int NIC = VtdRegisters.sourceId(3, 0, 0);
    static final int UPPER = VtdRegisters.sourceId(3, 17, 1); // devfn 0x89: the upper context table

    private static VtdTestBed bed() {
        VtdTestBed t = new VtdTestBed(VtdParameters.builder().scalableMode(true).build());
        t.enableScalable();
        return t;
    }

    private static void assertFault(int reason, Translation tr) {
        assertEquals(TranslationOutcome.ABORTED, tr.outcome());
        assertEquals(reason, tr.eventId(), () -> "got 0x" + Integer.toHexString(tr.eventId()));
    }

    @Test
    void walksScalableTablesForLowerAndUpperDevfnsWith256BitQueueDescriptors() {
        VtdTestBed t = bed();
        t.attachScalable(NIC, 4).map(0x7000, 0x1_2345_6000L, 4096, true, true);
        t.attachScalable(UPPER, 5).map(0x7000, 0x2_0000_0000L, 4096, true, false);
        Translation tr = t.translate(NIC, 0x7abc, true);
        assertEquals(TranslationOutcome.TRANSLATED, tr.outcome());
        assertEquals(0x1_2345_6abcL, tr.physicalAddress());
        assertEquals(5 + 100 * (4 + 4), tr.latencyNs(), "root, context, PASID dir, PASID entry, 4 levels");
        assertEquals(0x2_0000_0010L, t.translate(UPPER, 0x7010, false).physicalAddress());
        long head = t.unit.readq(VtdRegisters.IQH_REG);
        assertNotEquals(0, t.submitAndWait());
        assertEquals(head + 32, t.unit.readq(VtdRegisters.IQH_REG), "IQA.DW=1: 256-bit descriptors");
    }

    @Test
    void secondLevelFaultsUseScalableModeReasons() {
        VtdTestBed t = bed();
        SecondLevelPageTableBuilder b = t.attachScalable(NIC, 4);
        b.map(0x1000, 0x9000, 4096, true, false);
        assertFault(FaultReason.SM_WRITE_ACCESS_DENIED, t.translate(NIC, 0x1000, true));
        assertFault(FaultReason.SM_READ_ACCESS_DENIED, t.translate(NIC, 0x5000, false));
        assertFault(FaultReason.SM_ADDRESS_BEYOND_MAX, t.translate(NIC, 1L << 48, false));
        long leaf = b.slot(0x1000, 1, false);
        t.mem.writeLong(t.cpu, leaf, t.mem.peekLong(leaf) | SecondLevelEntry.SNP);
        assertFault(FaultReason.SM_SL_ENTRY_RESERVED, t.translate(NIC, 0x1000, false));
        assertEquals("SM: No write permission for Write/AtomicOp request",
                FaultReason.linuxName(FaultReason.SM_WRITE_ACCESS_DENIED));
    }

    @Test
    void rootAndContextEntryFaults() {
        VtdTestBed t = bed();
        assertFault(FaultReason.SM_ROOT_ENTRY_NOT_PRESENT, t.translate(NIC, 0, false));
        t.attachScalable(NIC, 4);
        long ce = t.scalableContextEntryAddress(UPPER);
        new RootEntry(true, t.contextTable(3), false, 0).writeTo(t.mem, t.cpu, VtdTestBed.ROOT, 3);
        assertFault(FaultReason.SM_ROOT_ENTRY_NOT_PRESENT, t.translate(UPPER, 0, false)); // UP clear
        RootEntry.scalable(t.contextTable(3), ce & ~0xfffL).writeTo(t.mem, t.cpu, VtdTestBed.ROOT, 3);
        assertFault(FaultReason.SM_CONTEXT_ENTRY_NOT_PRESENT, t.translate(UPPER, 0, false));
        t.mem.writeLong(t.cpu, ce, 1 | (1L << 5));
        assertFault(FaultReason.SM_CONTEXT_ENTRY_RESERVED, t.translate(UPPER, 0, false));
        t.mem.writeLong(t.cpu, ce, 1 | 4); // DTE without ECAP.DT
        assertFault(FaultReason.SM_INVALID_CONTEXT_ENTRY, t.translate(UPPER, 0, false));
        t.mem.writeLong(t.cpu, ce, 1 | t.page());
        t.mem.writeLong(t.cpu, ce + 8, 1 << 13); // RID_PASID 0x2000: directory index 0x80 >= 2^(0+7)
        assertFault(FaultReason.SM_RID_PASID_ERROR, t.translate(UPPER, 0, false));
        t.mem.writeLong(t.cpu, VtdTestBed.ROOT + 3 * 16 + 8, ce & ~0xfffL | 2 | 1);
        assertFault(FaultReason.SM_ROOT_ENTRY_RESERVED, t.translate(UPPER, 0, false));
    }

    @Test
    void pasidDirectoryAndTableEntryFaults() {
        VtdTestBed t = bed();
        long dir = t.page();
        long table = t.page();
        ScalableContextEntry.forRidPasid(dir, 0, 0).writeTo(t.mem, t.cpu, t.contextTable(3),
                t.scalableContextEntryAddress(UPPER) & ~0xfffL, 0);
        assertFault(FaultReason.SM_PASID_DIR_ENTRY_NOT_PRESENT, t.translate(NIC, 0, false));
        t.mem.writeLong(t.cpu, dir, table | 1 | (1L << 4));
        assertFault(FaultReason.SM_PASID_DIR_ENTRY_RESERVED, t.translate(NIC, 0, false));
        PasidEntry.writeDirectoryEntry(t.mem, t.cpu, dir, 0, table, false);
        assertFault(FaultReason.SM_PASID_ENTRY_NOT_PRESENT, t.translate(NIC, 0, false));
        t.mem.writeLong(t.cpu, table, 1 | (1L << 10));
        assertFault(FaultReason.SM_PASID_ENTRY_RESERVED, t.translate(NIC, 0, false));
        new PasidEntry(true, false, 2, PasidEntry.PGTT_FIRST_LEVEL, t.page(), 4).writeTo(t.mem, t.cpu, table, 0);
        assertFault(FaultReason.SM_INVALID_PASID_ENTRY, t.translate(NIC, 0, false));
        new PasidEntry(true, false, 3, PasidEntry.PGTT_SECOND_LEVEL, t.page(), 4).writeTo(t.mem, t.cpu, table, 0);
        assertFault(FaultReason.SM_INVALID_PASID_ENTRY, t.translate(NIC, 0, false));
        PasidEntry.passThrough(48, 4).writeTo(t.mem, t.cpu, table, 0);
        Translation pt = t.translate(NIC, 0x4242_0000L, true);
        assertEquals(TranslationOutcome.BYPASSED, pt.outcome());
        assertEquals(0x4242_0000L, pt.physicalAddress());
    }

    @Test
    void fpdInAPasidEntrySuppressesItsFaults() {
        VtdTestBed t = bed();
        long dir = t.page();
        long table = t.page();
        ScalableContextEntry.forRidPasid(dir, 0, 0).writeTo(t.mem, t.cpu, t.contextTable(3), t.page(), 0);
        PasidEntry.writeDirectoryEntry(t.mem, t.cpu, dir, 0, table, false);
        new PasidEntry(false, true, 2, 0, 0, 0).writeTo(t.mem, t.cpu, table, 0); // P=0, FPD=1
        Translation tr = t.translate(NIC, 0x1000, false);
        assertEquals(FaultReason.SM_PASID_ENTRY_NOT_PRESENT, tr.eventId());
        assertFalse(tr.eventRecorded());
        assertEquals(1, t.unit.faultsSuppressedByFpd());
    }

    @Test
    void pasidCacheInvalidationDropsTheDomainsCachedEntries() {
        VtdTestBed t = bed();
        SecondLevelPageTableBuilder b = t.attachScalable(NIC, 4);
        b.map(0x1000, 0x9000, 4096, true, true);
        t.translate(NIC, 0x1000, false);
        long ce = t.scalableContextEntryAddress(NIC);
        long dir = t.mem.peekLong(ce) & ~0xfffL;
        long table = t.mem.peekLong(dir) & ~0xfffL;
        t.mem.writeLong(t.cpu, table, 0); // clear the PASID entry
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, 0x1000, false).outcome(), "stale PASID cache");
        t.submitAndWait(InvalidationDescriptor.pasidCache(5, 0, 0));
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, 0x1000, false).outcome(), "other domain");
        t.submitAndWait(InvalidationDescriptor.pasidCache(4, 0, 1));
        assertEquals(FaultReason.SM_PASID_ENTRY_NOT_PRESENT, t.translate(NIC, 0x1000, false).eventId());
    }

    @Test
    void scalableRootTableNeedsEcapSmts() {
        VtdTestBed t = new VtdTestBed();
        t.setRootTable(VtdTestBed.ROOT, VtdRegisters.TTM_SCALABLE);
        t.enableQueuedInvalidation();
        t.enableTranslation();
        assertFault(FaultReason.SM_INVALID_ROOT_TABLE_ADDRESS, t.translate(NIC, 0, false));
    }
}
