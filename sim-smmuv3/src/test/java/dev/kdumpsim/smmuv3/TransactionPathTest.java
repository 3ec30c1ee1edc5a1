package dev.kdumpsim.smmuv3;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.Translation;
import dev.kdumpsim.core.TranslationOutcome;
import org.junit.jupiter.api.Test;

class TransactionPathTest {

    @Test
    void bypassesWhenDisabledAndGbpaAbortClear() {
        SmmuTestBed t = new SmmuTestBed();
        Translation r = t.translate(0x100, 0xffff_f000L, true);
        assertEquals(TranslationOutcome.BYPASSED, r.outcome());
        assertEquals(0xffff_f000L, r.physicalAddress());
        assertEquals(0, t.smmu.eventCounters().raised());
    }

    @Test
    void abortsWithoutEventWhenDisabledAndGbpaAbortSet() {
        SmmuTestBed t = new SmmuTestBed(SmmuParameters.defaults().withGbpaResetAbort(true));
        Translation r = t.translate(0x100, 0xffff_f000L, true);
        assertEquals(TranslationOutcome.ABORTED, r.outcome());
        assertEquals(Translation.NO_EVENT, r.eventId());
        assertFalse(r.eventRecorded());
        assertEquals(1, t.smmu.gbpaAborts());
    }

    @Test
    void recordsBadStreamIdExactlyAsTheReportForSpanZero() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        Translation r = t.translate(0x100, 0xffff_f000L, true);
        assertEquals(TranslationOutcome.ABORTED, r.outcome());
        assertEquals(EventId.C_BAD_STREAMID, r.eventId());
        assertTrue(r.eventRecorded());
        long a = SmmuTestBed.EVTQ_ADDR;
        assertEquals(0x0000010000000002L, t.mem.peekLong(a));
        assertEquals(0L, t.mem.peekLong(a + 8));
        assertEquals(0L, t.mem.peekLong(a + 16));
        assertEquals(0L, t.mem.peekLong(a + 24));
        assertEquals(1, t.smmu.readl(EVENTQ_PROD));
    }

    @Test
    void abortsSilentlyForBadStreamIdWhenRecInvSidClear() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(false);
        Translation r = t.translate(0x100, 0x1000, false);
        assertEquals(TranslationOutcome.ABORTED, r.outcome());
        assertEquals(Translation.NO_EVENT, r.eventId());
        assertEquals(0, t.smmu.readl(EVENTQ_PROD));
    }

    @Test
    void streamIdBeyondLinearTableIsBadStreamId() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableLinear(8);
        StreamTableEntry.bypass().writeTo(t.mem, t.cpu, SmmuTestBed.L2_BASE + 64 * 0xff);
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0xff, 0x5000, true).outcome());
        Translation r = t.translate(0x100, 0x5000, true);
        assertEquals(EventId.C_BAD_STREAMID, r.eventId());
        assertEquals(0x100, t.eventAt(0).streamId());
    }

    @Test
    void l2IndexBeyondSpanIsBadStreamIdNotBadSte() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.bypass());
        new L1StreamTableDescriptor(2, t.steAddress(0x100)).writeTo(t.mem, t.cpu, SmmuTestBed.L1_BASE + 8);
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0x101, 0, false).outcome());
        assertEquals(EventId.C_BAD_STREAMID, t.translate(0x102, 0, false).eventId());
    }

    @Test
    void invalidSteGivesBadSte() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.INVALID);
        Translation r = t.translate(0x100, 0x1000, false);
        assertEquals(EventId.C_BAD_STE, r.eventId());
        assertTrue(r.eventRecorded());
        assertEquals(EventId.C_BAD_STE, t.eventAt(0).eventId());
    }

    @Test
    void abortSteAbortsWithoutEventAndBypassSteBypasses() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.abort());
        StreamTableEntry.bypass().writeTo(t.mem, t.cpu, t.steAddress(0x101));
        Translation r = t.translate(0x100, 0x1000, true);
        assertEquals(TranslationOutcome.ABORTED, r.outcome());
        assertEquals(Translation.NO_EVENT, r.eventId());
        r = t.translate(0x101, 0x1234, true);
        assertEquals(TranslationOutcome.BYPASSED, r.outcome());
        assertEquals(0x1234, r.physicalAddress());
        assertEquals(0, t.smmu.eventCounters().raised());
    }

    @Test
    void stage1TranslatesAndFaultsPerSpec() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.abort());
        Stage1PageTableBuilder pt = t.stage1(0x100, 1, TranslationGranule.GRANULE_4K);
        pt.map(0xffff_f000L, 0x8_0000_0000L, 0x1000, true);
        pt.map(0xffff_e000L, 0x8_0000_1000L, 0x1000, false);
        Translation r = t.translate(0x100, 0xffff_f123L, true);
        assertEquals(TranslationOutcome.TRANSLATED, r.outcome());
        assertEquals(0x8_0000_0123L, r.physicalAddress());
        long hits = t.smmu.tlbHits();
        assertEquals(0x8_0000_0456L, t.translate(0x100, 0xffff_f456L, false).physicalAddress());
        assertEquals(hits + 1, t.smmu.tlbHits());

        assertEquals(EventId.F_TRANSLATION, t.translate(0x100, 0xffff_d000L, false).eventId());
        EventRecord e = t.eventAt(0);
        assertEquals(0xffff_d000L, e.inputAddress());
        assertTrue(e.read());
        assertEquals(EventRecord.CLASS_IN, e.eventClass());

        assertEquals(TranslationOutcome.TRANSLATED, t.translate(0x100, 0xffff_e000L, false).outcome());
        assertEquals(EventId.F_PERMISSION, t.translate(0x100, 0xffff_e008L, true).eventId());
        assertFalse(t.eventAt(1).read());
    }

    @Test
    void stage1AccessFlagAndAddressSizeFaults() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.abort());
        Stage1PageTableBuilder pt = t.stage1(0x100, 1, TranslationGranule.GRANULE_4K);
        pt.map(0x1000, 0x4000_0000_0000L, 0x1000, true); // 2^46: beyond OAS 44
        pt.map(0x2000, 0x5000, 0x1000, true);
        assertEquals(EventId.F_ADDR_SIZE, t.translate(0x100, 0x1000, true).eventId());
        // clear AF in the leaf for 0x2000: find it by walking as software would
        long l0 = pt.root();
        long l1 = Stage1Descriptor.address(t.mem.peekLong(l0), TranslationGranule.GRANULE_4K);
        long l2 = Stage1Descriptor.address(t.mem.peekLong(l1), TranslationGranule.GRANULE_4K);
        long l3 = Stage1Descriptor.address(t.mem.peekLong(l2), TranslationGranule.GRANULE_4K);
        long leaf = l3 + 8 * 2;
        t.mem.writeLong(t.cpu, leaf, t.mem.peekLong(leaf) & ~Stage1Descriptor.AF);
        assertEquals(EventId.F_ACCESS, t.translate(0x100, 0x2000, true).eventId());
    }

    @Test
    void stage1With64kGranule() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.abort());
        Stage1PageTableBuilder pt = t.stage1(0x100, 2, TranslationGranule.GRANULE_64K);
        pt.map(0xffff_0000L, 0x9_0000_0000L, 0x10000, true);
        assertEquals(0x9_0000_abcdL, t.translate(0x100, 0xffff_abcdL, false).physicalAddress());
        assertEquals(EventId.F_TRANSLATION, t.translate(0x100, 0xfffe_0000L, false).eventId());
    }

    @Test
    void invalidCdGivesBadCd() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.abort());
        StreamTableEntry.stage1(SmmuTestBed.CD_ADDR).writeTo(t.mem, t.cpu, t.steAddress(0x100));
        assertEquals(EventId.C_BAD_CD, t.translate(0x100, 0x1000, false).eventId());
    }

    @Test
    void staleTlbEntryIsUsedUntilTlbi() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.abort());
        Stage1PageTableBuilder pt = t.stage1(0x100, 1, TranslationGranule.GRANULE_4K);
        pt.map(0x4000, 0x7000, 0x1000, true);
        assertEquals(0x7000, t.translate(0x100, 0x4000, true).physicalAddress());
        pt.unmap(0x4000, 0x1000);
        assertEquals(0x7000, t.translate(0x100, 0x4000, true).physicalAddress());
        t.submit(Command.tlbiNhAsid(1), Command.sync());
        assertEquals(EventId.F_TRANSLATION, t.translate(0x100, 0x4000, true).eventId());
    }

    @Test
    void strayDmaOnL2StreamTableChangesLaterTranslations() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        long l2 = t.installL2(0x100, StreamTableEntry.bypass());
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0x105, 0x1000, true).outcome()); // now cached
        int nic = t.mem.registerAgent("0000:01:00.0");
        t.mem.dmaWrite(nic, l2, 0x4000, 0L); // a bypassed DMA burst zeroes the whole L2 table
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0x105, 0x1000, true).outcome(), "cached STE");
        assertEquals(EventId.C_BAD_STE, t.translate(0x106, 0x1000, true).eventId(), "never cached");
        t.submit(Command.cfgiSte(0x105, true), Command.sync());
        assertEquals(EventId.C_BAD_STE, t.translate(0x105, 0x1000, true).eventId(), "after CFGI_STE");
    }

    @Test
    void configCacheKeepsOldSteUntilCfgiAll() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.bypass());
        t.translate(0x100, 0, false);
        StreamTableEntry.abort().writeTo(t.mem, t.cpu, t.steAddress(0x100));
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0x100, 0, false).outcome());
        t.submit(Command.cfgiAll(), Command.sync());
        assertFalse(t.smmu.isConfigCached(0x100));
        assertEquals(TranslationOutcome.ABORTED, t.translate(0x100, 0, false).outcome());
    }

    @Test
    void disablingRevertsToGbpaWithoutInvalidatingCaches() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.installL2(0x100, StreamTableEntry.abort());
        t.translate(0x100, 0, false);
        t.writeCr0Sync(0);
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0x100, 0x3000, false).outcome());
        assertTrue(t.smmu.isConfigCached(0x100));
    }
}
