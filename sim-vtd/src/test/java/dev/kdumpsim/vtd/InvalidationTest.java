package dev.kdumpsim.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.Translation;
import dev.kdumpsim.core.TranslationOutcome;
import org.junit.jupiter.api.Test;

/** Caches that only invalidation changes, and the invalidation queue (6.5.2). */
class InvalidationTest {

    static final int NIC = VtdRegisters.sourceId(1, 0, 0);
    static final int DISK = VtdRegisters.sourceId(2, 0, 0);

    @Test
    void contextCacheHidesAClearedContextEntryUntilContextInvalidation() {
        VtdTestBed t = new VtdTestBed();
        t.enableLegacy();
        t.attach(NIC, 1, 48).map(0x1000, 0x9000, 4096, true, true);
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, 0x1000, false).outcome());
        t.mem.writeLong(t.cpu, t.contextEntryAddress(NIC), 0);
        t.mem.writeLong(t.cpu, t.contextEntryAddress(NIC) + 8, 0);
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, 0x1000, false).outcome(), "stale context");
        t.submitAndWait(InvalidationDescriptor.contextDevice(1, VtdRegisters.sourceId(1, 0, 1), 0));
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, 0x1000, false).outcome(),
                "another device's invalidation leaves this entry");
        t.submitAndWait(InvalidationDescriptor.contextDevice(1, VtdRegisters.sourceId(1, 0, 4), 1));
        assertEquals(FaultReason.CONTEXT_ENTRY_NOT_PRESENT, t.translate(NIC, 0x1000, false).eventId(),
                "FM=1 ignores function bit 2, so 01:00.4 covers 01:00.0; the IOTLB is never reached");
    }

    @Test
    void iotlbHidesAnUnmapUntilPageSelectiveInvalidationOfThatRange() {
        VtdTestBed t = new VtdTestBed();
        t.enableLegacy();
        SecondLevelPageTableBuilder b = t.attach(NIC, 1, 48);
        b.map(0x10_0000L, 0x50_0000L, 0x4000, true, true);
        for (long a = 0x10_0000L; a < 0x10_4000L; a += 4096) {
            t.translate(NIC, a, true);
        }
        b.unmap(0x10_0000L, 0x4000);
        assertEquals(0x50_1000L, t.translate(NIC, 0x10_1000L, true).physicalAddress(), "stale IOTLB entry");
        t.submitAndWait(InvalidationDescriptor.iotlbPage(1, 0x10_0000L, 1)); // two pages
        assertEquals(FaultReason.WRITE_ACCESS_DENIED, t.translate(NIC, 0x10_1000L, true).eventId());
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, 0x10_2000L, true).outcome(), "outside the mask");
    }

    @Test
    void domainSelectiveInvalidationLeavesOtherDomains() {
        VtdTestBed t = new VtdTestBed();
        t.enableLegacy();
        SecondLevelPageTableBuilder a = t.attach(NIC, 1, 48);
        SecondLevelPageTableBuilder d = t.attach(DISK, 2, 48);
        a.map(0x1000, 0x9000, 4096, true, true);
        d.map(0x1000, 0xa000, 4096, true, true);
        t.translate(NIC, 0x1000, false);
        t.translate(DISK, 0x1000, false);
        a.unmap(0x1000, 4096);
        d.unmap(0x1000, 4096);
        t.submitAndWait(InvalidationDescriptor.iotlbDomain(2));
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, 0x1000, false).outcome());
        assertEquals(TranslationOutcome.ABORTED, t.translate(DISK, 0x1000, false).outcome());
    }

    /**
     * The kdump hazard in one test: a device's stale mapping points into memory that now holds
     * another device's context table; its DMA overwrites that context entry, which changes nothing
     * until software invalidates the context cache, and then the other device faults.
     */
    @Test
    void strayDmaOverwritingAContextEntryTakesEffectAfterInvalidation() {
        VtdTestBed t = new VtdTestBed();
        t.enableLegacy();
        t.attach(DISK, 2, 48).map(0x8000, 0xc000, 4096, true, true);
        long victim = t.contextEntryAddress(DISK);
        SecondLevelPageTableBuilder rogue = t.attach(NIC, 1, 48);
        rogue.map(0xf000, victim & ~0xfffL, 4096, true, true);
        int nicAgent = t.mem.registerAgent("nic");
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(DISK, 0x8000, true).outcome());

        long pa = t.translate(NIC, 0xf000 + (victim & 0xfff), true).physicalAddress();
        assertEquals(victim, pa);
        t.mem.dmaWrite(nicAgent, pa, 16, 0); // the NIC's buffer write zeroes the entry
        assertEquals(0, t.mem.peekLong(victim));
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(DISK, 0x8000, true).outcome(), "cached");

        t.invalidateAll();
        Translation after = t.translate(DISK, 0x8000, true);
        assertEquals(FaultReason.CONTEXT_ENTRY_NOT_PRESENT, after.eventId());
        assertEquals(DISK, t.frcd(0).sourceId());

        t.mem.dmaWrite(nicAgent, pa, 8, -1L); // all ones: P=1 and every reserved bit
        t.submitAndWait(InvalidationDescriptor.contextGlobal());
        assertEquals(FaultReason.CONTEXT_ENTRY_RESERVED, t.translate(DISK, 0x8000, true).eventId());
    }

    @Test
    void setRootTablePointerKeepsCachedContextsUnlessEnhancedSrtp() {
        for (boolean enhanced : new boolean[] {false, true}) {
            VtdTestBed t = new VtdTestBed(VtdParameters.builder().enhancedSetRootTablePointer(enhanced).build());
            t.enableLegacy();
            t.attach(NIC, 1, 48).map(0x1000, 0x9000, 4096, true, true);
            t.translate(NIC, 0x1000, false);
            t.setRootTable(0x3000_0000L, TTM_LEGACY); // an empty root table
            Translation tr = t.translate(NIC, 0x1000, false);
            if (enhanced) {
                assertEquals(FaultReason.ROOT_ENTRY_NOT_PRESENT, tr.eventId());
            } else {
                assertEquals(TranslationOutcome.TRANSLATED, tr.outcome(), "software must invalidate after SRTP");
            }
        }
    }

    @Test
    void waitDescriptorWritesItsStatusOnlyAfterTheDescriptorsBeforeIt() {
        VtdTestBed t = new VtdTestBed(VtdParameters.builder().invalidationLatencyNs(200).build());
        t.enableLegacy();
        InvalidationDescriptor.iotlbGlobal().writeTo(t.mem, t.cpu, VtdTestBed.IQ + t.unit.readq(IQT_REG), 16);
        int tail = (int) t.unit.readq(IQT_REG);
        InvalidationDescriptor.waitWithStatus(VtdTestBed.STATUS + 8, 0x5a5a, true)
                .writeTo(t.mem, t.cpu, VtdTestBed.IQ + tail + 16, 16);
        long start = t.sim.now();
        t.unit.writeq(IQT_REG, tail + 32);
        t.sim.runUntil(start + 399);
        assertEquals(0, t.mem.peekLong(VtdTestBed.STATUS + 8));
        assertEquals(tail + 16, t.unit.readq(IQH_REG));
        t.sim.runUntil(start + 400);
        assertEquals(0x5a5a, t.mem.peekLong(VtdTestBed.STATUS + 8));
        assertEquals(tail + 32, t.unit.readq(IQH_REG));
    }

    @Test
    void waitWithInterruptFlagSetsIwcAndRaisesTheCompletionEvent() {
        VtdTestBed t = new VtdTestBed();
        t.enableLegacy();
        int[] events = new int[1];
        t.unit.addInterruptListener(new VtdInterruptListener() {
            @Override
            public void onInvalidationCompletionEvent() {
                events[0]++;
            }
        });
        t.unit.writel(IECTL_REG, 0);
        t.submit(InvalidationDescriptor.waitWithInterrupt());
        assertEquals(1, events[0]);
        assertEquals(ICS_IWC, t.unit.readl(ICS_REG));
        t.submit(InvalidationDescriptor.waitWithInterrupt());
        assertEquals(1, events[0], "no new event while IWC is set");
        t.unit.writel(ICS_REG, ICS_IWC);
        t.submit(InvalidationDescriptor.waitWithInterrupt());
        assertEquals(2, events[0]);
    }

    @Test
    void invalidDescriptorStopsTheQueueAtItUntilIqeIsCleared() {
        VtdTestBed t = new VtdTestBed();
        t.enableLegacy();
        long head = t.unit.readq(IQH_REG);
        t.submit(new InvalidationDescriptor(InvalidationDescriptor.TYPE_DEVICE_TLB, 0),
                InvalidationDescriptor.waitWithStatus(VtdTestBed.STATUS + 16, 1, false));
        assertEquals(FSTS_IQE, t.unit.readl(FSTS_REG) & FSTS_IQE);
        assertEquals(head, t.unit.readq(IQH_REG), "IQH points at the offending descriptor");
        assertEquals(0, t.mem.peekLong(VtdTestBed.STATUS + 16));
        assertEquals(1, t.unit.invalidationQueueErrors());
        InvalidationDescriptor.contextGlobal().writeTo(t.mem, t.cpu, VtdTestBed.IQ + head, 16); // software fixes it
        t.unit.writel(FSTS_REG, FSTS_IQE);
        t.settle();
        assertEquals(1, t.mem.peekLong(VtdTestBed.STATUS + 16));
        assertEquals(t.unit.readq(IQT_REG), t.unit.readq(IQH_REG));
    }

    @Test
    void reservedGranularityAndBitsAreQueueErrors() {
        VtdTestBed t = new VtdTestBed();
        t.enableLegacy();
        t.submit(new InvalidationDescriptor(InvalidationDescriptor.TYPE_CONTEXT_CACHE, 0)); // G = 00b reserved
        assertEquals(FSTS_IQE, t.unit.readl(FSTS_REG) & FSTS_IQE);
        VtdTestBed u = new VtdTestBed();
        u.enableLegacy();
        u.submit(new InvalidationDescriptor(InvalidationDescriptor.iotlbGlobal().qw0() | (1L << 40), 0));
        assertEquals(FSTS_IQE, u.unit.readl(FSTS_REG) & FSTS_IQE);
    }
}
