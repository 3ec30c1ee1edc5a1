package dev.kdumpsim.vtd;

import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.Translation;
import dev.kdumpsim.core.TranslationOutcome;
import org.junit.jupiter.api.Test;

/** Root -> context -> second-level walks in legacy mode (VT-d 3.4.2, 3.6) and each of their fault reasons. */
class LegacyTranslationTest {

    static final int NIC = VtdRegisters.sourceId(1, 0, 0);

    private static VtdTestBed enabled(VtdParameters p) {
        VtdTestBed t = new VtdTestBed(p);
        t.enableLegacy();
        return t;
    }

    private static void assertFault(int reason, Translation tr) {
        assertEquals(TranslationOutcome.ABORTED, tr.outcome());
        assertEquals(reason, tr.eventId(), () -> "got 0x" + Integer.toHexString(tr.eventId()));
    }

    @Test
    void translatesThroughRootContextAndFourLevelTable() {
        VtdTestBed t = enabled(VtdParameters.defaults());
        t.attach(NIC, 1, 48).map(0x1234_5000L, 0xabc_d000L, 4096, true, true);
        Translation tr = t.translate(NIC, 0x1234_5678L, true);
        assertEquals(TranslationOutcome.TRANSLATED, tr.outcome());
        assertEquals(0xabc_d678L, tr.physicalAddress());
        assertEquals(5 + 100 * (2 + 4), tr.latencyNs(), "root + context + 4 table levels");
        Translation again = t.translate(NIC, 0x1234_5000L, false);
        assertEquals(0xabc_d000L, again.physicalAddress());
        assertEquals(5, again.latencyNs(), "context cache and IOTLB hit");
        assertEquals(1, t.unit.iotlbHits());
    }

    @Test
    void translatesThroughThreeLevelTableAndSuperpages() {
        VtdTestBed t = enabled(VtdParameters.defaults());
        SecondLevelPageTableBuilder b = t.attach(NIC, 2, 39);
        b.map(0x40_0000_0000L - 4096, 0x7000_0000L, 4096, true, false);
        b.mapSuperpages(0x20_0000L, 0x4000_0000L, 0x20_0000L, 2, true, true);
        b.mapSuperpages(0x4000_0000L, 0x8000_0000L, 0x4000_0000L, 3, true, true);
        assertEquals(0x7000_0010L, t.translate(NIC, 0x40_0000_0000L - 4096 + 0x10, false).physicalAddress());
        assertEquals(3 * 100 + 5, t.translate(NIC, 0x40_0000_0000L - 8192 + 0x10, false).latencyNs());
        assertEquals(0x4012_3456L, t.translate(NIC, 0x32_3456L, true).physicalAddress());
        assertEquals(0x8765_4321L, t.translate(NIC, 0x4765_4321L, true).physicalAddress());
    }

    @Test
    void passesThroughWhileTranslationIsDisabledWithoutReadingTables() {
        VtdTestBed t = new VtdTestBed();
        Translation tr = t.translate(NIC, 0xdead_b000L, true);
        assertEquals(TranslationOutcome.BYPASSED, tr.outcome());
        assertEquals(0xdead_b000L, tr.physicalAddress());
        assertNull(t.mem.pageStats(VtdTestBed.ROOT));
        assertEquals(1, t.unit.passedThroughDisabled());
    }

    @Test
    void passThroughContextEntryBypassesAndNeedsEcapPt() {
        VtdTestBed t = enabled(VtdParameters.defaults());
        ContextEntry.passThrough(48, 3).writeTo(t.mem, t.cpu, t.contextTable(1), 0);
        Translation tr = t.translate(NIC, 0x5555_5000L, true);
        assertEquals(TranslationOutcome.BYPASSED, tr.outcome());
        assertEquals(0x5555_5000L, tr.physicalAddress());
        VtdTestBed noPt = enabled(VtdParameters.builder().passThrough(false).build());
        ContextEntry.passThrough(48, 3).writeTo(noPt.mem, noPt.cpu, noPt.contextTable(1), 0);
        assertFault(FaultReason.INVALID_CONTEXT_ENTRY, noPt.translate(NIC, 0x5555_5000L, true));
    }

    @Test
    void rootEntryNotPresent() {
        VtdTestBed t = enabled(VtdParameters.defaults());
        assertFault(FaultReason.ROOT_ENTRY_NOT_PRESENT, t.translate(NIC, 0x1000, false));
        FaultRecord r = t.frcd(0);
        assertTrue(r.fault());
        assertTrue(r.read());
        assertEquals(NIC, r.sourceId());
        assertEquals(0x1000, r.faultInfo());
        assertEquals("Present bit in root entry is clear", FaultReason.linuxName(r.reason()));
    }

    @Test
    void contextEntryNotPresent() {
        VtdTestBed t = enabled(VtdParameters.defaults());
        t.attach(VtdRegisters.sourceId(1, 0, 1), 1, 48);
        assertFault(FaultReason.CONTEXT_ENTRY_NOT_PRESENT, t.translate(NIC, 0x2345, true));
        FaultRecord r = t.frcd(0);
        assertFalse(r.read(), "T=0: write request");
        assertEquals(0x2000, r.faultInfo(), "FI is the page address");
        assertEquals("Present bit in context entry is clear", FaultReason.linuxName(r.reason()));
    }

    @Test
    void invalidContextEntryForUnsupportedWidthOrTranslationType() {
        VtdTestBed t = enabled(VtdParameters.builder().agaw39Bits(false).build());
        long ct = t.contextTable(1);
        new ContextEntry(true, false, 0, t.page(), 1, 1).writeTo(t.mem, t.cpu, ct, 0);      // AW 39 not in SAGAW
        new ContextEntry(true, false, 0, t.page(), 3, 1).writeTo(t.mem, t.cpu, ct, 1);      // 57-bit
        new ContextEntry(true, false, 1, t.page(), 2, 1).writeTo(t.mem, t.cpu, ct, 2);      // device-TLB, no ECAP.DT
        new ContextEntry(true, false, 3, t.page(), 2, 1).writeTo(t.mem, t.cpu, ct, 3);      // TT reserved
        for (int fn = 0; fn < 4; fn++) {
            assertFault(FaultReason.INVALID_CONTEXT_ENTRY, t.translate(NIC + fn, 0, false));
        }
    }

    @Test
    void addressBeyondTheAdjustedGuestAddressWidth() {
        VtdTestBed t = enabled(VtdParameters.defaults());
        t.attach(NIC, 1, 39).map(0, 0x10_0000L, 4096, true, true);
        assertFault(FaultReason.ADDRESS_BEYOND_MGAW, t.translate(NIC, 1L << 39, false));
        VtdTestBed narrow = enabled(VtdParameters.builder().mgawBits(40).build());
        narrow.attach(NIC, 1, 48);
        assertFault(FaultReason.ADDRESS_BEYOND_MGAW, narrow.translate(NIC, 1L << 40, false));
        assertEquals("Access beyond MGAW", FaultReason.linuxName(FaultReason.ADDRESS_BEYOND_MGAW));
    }

    @Test
    void writeAndReadAccessDenied() {
        VtdTestBed t = enabled(VtdParameters.defaults());
        SecondLevelPageTableBuilder b = t.attach(NIC, 1, 48);
        b.map(0x1000, 0x9000, 4096, true, false);
        b.map(0x2000, 0xa000, 4096, false, true);
        assertFault(FaultReason.WRITE_ACCESS_DENIED, t.translate(NIC, 0x1000, true));
        assertFault(FaultReason.READ_ACCESS_DENIED, t.translate(NIC, 0x2000, false));
        assertFault(FaultReason.READ_ACCESS_DENIED, t.translate(NIC, 0x7000_0000L, false)); // not mapped at all
        assertFault(FaultReason.WRITE_ACCESS_DENIED, t.translate(NIC, 0x7000_0000L, true));
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, 0x2000, true).outcome());
        assertEquals(TranslationOutcome.ABORTED, t.translate(NIC, 0x1000, true).outcome(), "from the IOTLB too");
    }

    @Test
    void reservedBitsInRootContextAndPagingEntries() {
        VtdTestBed t = enabled(VtdParameters.defaults());
        SecondLevelPageTableBuilder b = t.attach(NIC, 1, 48);
        b.map(0x1000, 0x9000, 4096, true, true);
        long leaf = b.slot(0x1000, 1, false);
        t.mem.writeLong(t.cpu, leaf, t.mem.peekLong(leaf) | SecondLevelEntry.SNP);
        assertFault(FaultReason.PAGING_ENTRY_RESERVED, t.translate(NIC, 0x1000, false));

        int other = VtdRegisters.sourceId(1, 0, 1);
        t.attach(other, 1, 48);
        long ce = t.contextEntryAddress(other);
        t.mem.writeLong(t.cpu, ce, t.mem.peekLong(ce) | 0x10); // bit 4: reserved
        assertFault(FaultReason.CONTEXT_ENTRY_RESERVED, t.translate(other, 0, false));

        int onBus2 = VtdRegisters.sourceId(2, 0, 0);
        RootEntry.legacy(t.page()).writeTo(t.mem, t.cpu, VtdTestBed.ROOT, 2);
        t.mem.writeLong(t.cpu, VtdTestBed.ROOT + 32, t.mem.peekLong(VtdTestBed.ROOT + 32) | 2);
        assertFault(FaultReason.ROOT_ENTRY_RESERVED, t.translate(onBus2, 0, false));
    }

    @Test
    void superpageBitIsReservedWithoutSllpsSupport() {
        VtdTestBed t = enabled(VtdParameters.builder().superpage1G(false).build());
        t.attach(NIC, 1, 48).mapSuperpages(0x4000_0000L, 0x4000_0000L, 0x4000_0000L, 3, true, true);
        assertFault(FaultReason.PAGING_ENTRY_RESERVED, t.translate(NIC, 0x4000_1000L, false));
    }

    @Test
    void domainIdBeyondCapNdIsAReservedField() {
        VtdTestBed t = enabled(VtdParameters.builder().set("domainIdBits", 8).build());
        t.attach(NIC, 0x100, 48);
        assertFault(FaultReason.CONTEXT_ENTRY_RESERVED, t.translate(NIC, 0, false));
    }
}
