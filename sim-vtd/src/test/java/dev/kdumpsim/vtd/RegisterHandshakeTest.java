package dev.kdumpsim.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.TranslationOutcome;
import org.junit.jupiter.api.Test;

class RegisterHandshakeTest {

    @Test
    void identificationRegistersReadAsParametersDerive() {
        VtdTestBed t = new VtdTestBed();
        assertEquals(t.params.capReg(), t.unit.readq(CAP_REG));
        assertEquals(t.params.ecapReg(), t.unit.readq(ECAP_REG));
        assertEquals((int) (t.params.capReg() >>> 32), t.unit.readl(CAP_REG + 4));
        assertEquals(0x10, t.unit.readl(VER_REG));
        t.unit.writeq(CAP_REG, 0);
        assertEquals(t.params.capReg(), t.unit.readq(CAP_REG));
        assertEquals(1, t.unit.ignoredRegisterWrites());
    }

    @Test
    void translationEnableShowsInGstsOnlyAfterCommandLatency() {
        VtdTestBed t = new VtdTestBed(VtdParameters.builder().commandLatencyNs(5000).build());
        t.setRootTable(VtdTestBed.ROOT, TTM_LEGACY);
        long start = t.sim.now();
        t.unit.writel(GCMD_REG, GCMD_TE);
        assertEquals(0, t.unit.readl(GCMD_REG), "GCMD is write-only");
        t.sim.runUntil(start + 4999);
        assertEquals(0, t.unit.readl(GSTS_REG) & GSTS_TES);
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0x100, 0x1000, true).outcome(),
                "translation is not on before GSTS.TES shows it");
        t.sim.runUntil(start + 5000);
        assertEquals(GSTS_TES, t.unit.readl(GSTS_REG) & GSTS_TES);
        assertEquals(TranslationOutcome.ABORTED, t.translate(0x100, 0x1000, true).outcome());
        t.unit.writel(GCMD_REG, 0);
        t.sim.runUntil(t.sim.now() + 5000);
        assertEquals(0, t.unit.readl(GSTS_REG) & GSTS_TES);
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0x100, 0x1000, true).outcome());
    }

    @Test
    void setRootTablePointerClearsRtpsAtOnceAndLatchesTheValueWrittenBefore() {
        VtdTestBed t = new VtdTestBed();
        long a = 0x3000_0000L;
        long b = 0x3100_0000L;
        long ctx = 0x3200_0000L;
        RootEntry.legacy(ctx).writeTo(t.mem, t.cpu, a, 1);
        ContextEntry.passThrough(48, 7).writeTo(t.mem, t.cpu, ctx, 0);
        t.setRootTable(VtdTestBed.ROOT, TTM_LEGACY);
        assertEquals(GSTS_RTPS, t.unit.readl(GSTS_REG) & GSTS_RTPS);
        t.unit.writeq(RTADDR_REG, a);
        t.unit.writel(GCMD_REG, GCMD_SRTP);
        assertEquals(0, t.unit.readl(GSTS_REG) & GSTS_RTPS, "RTPS clears when SRTP is written");
        t.unit.writeq(RTADDR_REG, b); // too late for this SRTP
        t.sim.runUntil(() -> (t.unit.readl(GSTS_REG) & GSTS_RTPS) != 0);
        assertEquals(b, t.unit.readq(RTADDR_REG));
        t.enableTranslation();
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0x100, 0x5000, false).outcome(),
                "the latched root table (a) maps 01:00.0 pass-through");
    }

    @Test
    void registerBasedContextInvalidationCompletesAfterLatencyAndReportsGranularity() {
        VtdTestBed t = new VtdTestBed(VtdParameters.builder().invalidationLatencyNs(300).build());
        t.setRootTable(VtdTestBed.ROOT, TTM_LEGACY);
        t.attach(0x100, 1, 48).map(0x1000, 0x8000, 4096, true, true);
        t.enableTranslation();
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(0x100, 0x1000, false).outcome());
        t.mem.writeLong(t.cpu, t.contextEntryAddress(0x100), 0);
        long start = t.sim.now();
        t.unit.writeq(CCMD_REG, CCMD_ICC | ((long) CC_DEVICE << CCMD_CIRG_SHIFT) | (0x100L << CCMD_SID_SHIFT) | 1);
        t.sim.runUntil(start + 299);
        assertTrue(t.unit.readq(CCMD_REG) < 0, "ICC still set");
        assertTrue(t.unit.isContextCached(0x100));
        t.sim.runUntil(start + 300);
        long ccmd = t.unit.readq(CCMD_REG);
        assertEquals(0, ccmd & CCMD_ICC);
        assertEquals(CC_DEVICE, (ccmd >>> CCMD_CAIG_SHIFT) & 3);
        assertFalse(t.unit.isContextCached(0x100));
        assertEquals(FaultReason.CONTEXT_ENTRY_NOT_PRESENT, t.translate(0x100, 0x1000, false).eventId());
    }

    @Test
    void registerBasedIotlbInvalidationUsesIvaAndIsIgnoredWhileQueuedInvalidationIsOn() {
        VtdTestBed t = new VtdTestBed();
        t.setRootTable(VtdTestBed.ROOT, TTM_LEGACY);
        SecondLevelPageTableBuilder b = t.attach(0x100, 5, 48);
        b.map(0x4000, 0x9000, 4096, true, true);
        t.enableTranslation();
        t.translate(0x100, 0x4000, false);
        b.unmap(0x4000, 4096);
        int iva = t.params.iotlbRegisterOffsetBytes();
        t.unit.writeq(iva, 0x4000);
        t.unit.writeq(iva + IOTLB_REG_FROM_IVA, IOTLB_IVT | ((long) IOTLB_PAGE << IOTLB_IIRG_SHIFT) | (5L << IOTLB_DID_SHIFT));
        t.settle();
        assertEquals(IOTLB_PAGE, (t.unit.readq(iva + 8) >>> IOTLB_IAIG_SHIFT) & 3);
        assertEquals(FaultReason.READ_ACCESS_DENIED, t.translate(0x100, 0x4000, false).eventId());

        b.map(0x4000, 0x9000, 4096, true, true);
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(0x100, 0x4000, false).outcome()); // walked, cached
        t.enableQueuedInvalidation();
        b.unmap(0x4000, 4096);
        t.unit.writeq(iva + IOTLB_REG_FROM_IVA, IOTLB_IVT | ((long) IOTLB_GLOBAL << IOTLB_IIRG_SHIFT));
        t.settle();
        assertEquals(1, t.unit.ignoredRegisterInvalidations());
        assertEquals(TranslationOutcome.TRANSLATED, t.translate(0x100, 0x4000, false).outcome(),
                "the IOTLB entry survives a register invalidation issued with QI enabled");
    }
}
