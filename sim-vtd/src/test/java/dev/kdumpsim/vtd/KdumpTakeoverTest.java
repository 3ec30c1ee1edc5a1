package dev.kdumpsim.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.TranslationOutcome;
import org.junit.jupiter.api.Test;

/**
 * The two things a kdump kernel can do with a unit the crashed kernel left enabled (Linux's
 * {@code init_dmars}: copy_translation_tables since 091d42e43d21, or disabling translation),
 * driven through MMIO and memory only, with the crashed kernel's DMA still arriving.
 */
class KdumpTakeoverTest {

    static final int NIC = VtdRegisters.sourceId(1, 0, 0);
    static final long IOVA = 0xffff_f000L;
    static final long BUFFER = 0x6000_0000L;

    private static VtdTestBed crashedKernel() {
        VtdTestBed t = new VtdTestBed();
        t.enableLegacy();
        t.attach(NIC, 1, 48).map(IOVA, BUFFER, 4096, true, true);
        assertEquals(BUFFER, t.translate(NIC, IOVA, true).physicalAddress());
        return t;
    }

    @Test
    void copyingTheOldTablesKeepsInFlightDmaTranslatedThroughout() {
        VtdTestBed t = crashedKernel();
        // the kdump kernel finds translation on and the old root table in RTADDR_REG
        assertEquals(GSTS_TES, t.unit.readl(GSTS_REG) & GSTS_TES);
        long oldRoot = t.unit.readq(RTADDR_REG) & RTADDR_RTA_MASK;
        long newRoot = t.page();
        for (int bus = 0; bus < 256; bus++) {
            long re = t.mem.peekLong(oldRoot + 16L * bus);
            if ((re & 1) == 0) {
                continue;
            }
            long newCtx = t.page();
            for (int i = 0; i < 512; i++) { // 256 context entries, copied verbatim (old page tables kept)
                t.mem.writeLong(t.cpu, newCtx + 8L * i, t.mem.peekLong((re & ~0xfffL) + 8L * i));
            }
            RootEntry.legacy(newCtx).writeTo(t.mem, t.cpu, newRoot, bus);
        }
        int gcmd = t.unit.readl(GSTS_REG) & (GCMD_TE | GCMD_QIE); // Linux rebuilds gcmd from GSTS
        t.unit.writeq(RTADDR_REG, newRoot);
        t.unit.writel(GCMD_REG, gcmd | GCMD_SRTP);
        assertEquals(BUFFER, t.translate(NIC, IOVA, true).physicalAddress(), "during the SRTP handshake");
        t.sim.runUntil(() -> (t.unit.readl(GSTS_REG) & GSTS_RTPS) != 0);
        t.invalidateAll();
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, IOVA, true).outcome());
        assertEquals(BUFFER, t.out.physicalAddress(), "the copied context entry points at the old page table");
        assertEquals(0, t.unit.faultsRecorded());
    }

    @Test
    void disablingTranslationLetsInFlightDmaHitItsIovaAsAPhysicalAddress() {
        VtdTestBed t = crashedKernel();
        t.unit.writel(GCMD_REG, t.unit.readl(GSTS_REG) & GCMD_QIE); // TE off
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(NIC, IOVA, true).outcome(), "until GSTS.TES clears");
        t.sim.runUntil(() -> (t.unit.readl(GSTS_REG) & GSTS_TES) == 0);
        assertEquals(TranslationOutcome.BYPASSED, t.translate(NIC, IOVA, true).outcome());
        assertEquals(IOVA, t.out.physicalAddress(), "the write lands at PA 0xfffff000, not in the buffer");
    }
}
