package dev.kdumpsim.smmuv3;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.TranslationOutcome;
import org.junit.jupiter.api.Test;

class RegisterTest {

    /** Linux arm_smmu_device_hw_probe's features word (LNX5/LNXH ARM_SMMU_FEAT_*), computed from IDR0. */
    static int linuxFeatures(int idr0) {
        int f = 0;
        if (((idr0 >>> 27) & 3) == 1) f |= 1;          // 2_LVL_STRTAB
        if ((idr0 & (1 << 19)) != 0) f |= 1 << 1;      // 2_LVL_CDTAB
        switch ((idr0 >>> 21) & 3) {
            case 0: f |= (1 << 2) | (1 << 3); break;   // TT_LE | TT_BE
            case 2: f |= 1 << 2; break;
            case 3: f |= 1 << 3; break;
            default: break;
        }
        if ((idr0 & (1 << 16)) != 0) f |= 1 << 4;      // PRI
        if ((idr0 & (1 << 10)) != 0) f |= 1 << 5;      // ATS
        if ((idr0 & (1 << 14)) != 0) f |= 1 << 6;      // SEV
        if ((idr0 & (1 << 13)) != 0) f |= 1 << 7;      // MSI
        if ((idr0 & (1 << 9)) != 0) f |= 1 << 12;      // HYP
        if ((idr0 & (1 << 4)) != 0) f |= 1 << 8;       // COHERENCY
        int stall = (idr0 >>> 24) & 3;
        if (stall == 2) f |= 1 << 13;                  // STALL_FORCE
        if (stall == 0 || stall == 2) f |= 1 << 11;    // STALLS
        if ((idr0 & 2) != 0) f |= 1 << 9;              // TRANS_S1
        if ((idr0 & 1) != 0) f |= 1 << 10;             // TRANS_S2
        return f;
    }

    @Test
    void idRegistersGiveTheReportsFeaturesAndOas() {
        SmmuTestBed t = new SmmuTestBed();
        assertEquals(0x00001fef, linuxFeatures(t.smmu.readl(IDR0)));
        assertEquals(4, t.smmu.readl(IDR5) & 7, "OAS 44-bit");
        assertEquals(16, t.smmu.readl(IDR1) & 0x3f, "SIDSIZE");
        assertEquals(15, (t.smmu.readl(IDR1) >>> 16) & 0x1f, "EVENTQS");
    }

    @Test
    void cr0AckFollowsAfterTheAckLatency() {
        SmmuTestBed t = new SmmuTestBed();
        t.smmu.writel(CR0, CR0_CMDQEN);
        assertEquals(0, t.smmu.readl(CR0ACK));
        t.sim.runUntil(t.sim.now() + 999);
        assertEquals(0, t.smmu.readl(CR0ACK));
        t.sim.runUntil(t.sim.now() + 1);
        assertEquals(CR0_CMDQEN, t.smmu.readl(CR0ACK));
    }

    @Test
    void gbpaUpdateHandshakeAppliesAfterLatencyAndIgnoresWritesWithoutUpdate() {
        SmmuTestBed t = new SmmuTestBed();
        int reset = t.smmu.readl(GBPA);
        t.smmu.writel(GBPA, reset | GBPA_ABORT); // no Update: ignored
        assertEquals(reset, t.smmu.readl(GBPA));
        assertEquals(TranslationOutcome.BYPASSED, t.translate(1, 0x1000, true).outcome());
        t.smmu.writel(GBPA, reset | GBPA_ABORT | GBPA_UPDATE);
        assertNotEquals(0, t.smmu.readl(GBPA) & GBPA_UPDATE);
        t.smmu.writel(GBPA, reset | GBPA_UPDATE); // during an update: ignored
        t.settle();
        assertEquals(reset | GBPA_ABORT, t.smmu.readl(GBPA));
        assertEquals(TranslationOutcome.ABORTED, t.translate(1, 0x1000, true).outcome());
    }

    @Test
    void strtabBaseWriteIsIgnoredWhileEnabled() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.smmu.writeq(STRTAB_BASE, 0x5000_0000L);
        t.smmu.writel(STRTAB_BASE_CFG, strtabBaseCfg(0, 0, 4));
        assertEquals(SmmuTestBed.L1_BASE, t.smmu.readq(STRTAB_BASE));
        assertEquals(strtabBaseCfg(1, 8, 16), t.smmu.readl(STRTAB_BASE_CFG));
        // also while SMMUEN=0 is written but not yet acknowledged
        t.smmu.writel(CR0, 0);
        t.smmu.writeq(STRTAB_BASE, 0x5000_0000L);
        assertEquals(SmmuTestBed.L1_BASE, t.smmu.readq(STRTAB_BASE));
        t.settle();
        t.smmu.writeq(STRTAB_BASE, 0x5000_0000L);
        assertEquals(0x5000_0000L, t.smmu.readq(STRTAB_BASE));
    }

    @Test
    void sixtyFourBitRegistersAcceptHalfWrites() {
        SmmuTestBed t = new SmmuTestBed();
        t.smmu.writel(STRTAB_BASE, 0x1234_5640);
        t.smmu.writel(STRTAB_BASE + 4, 0x12);
        assertEquals(0x12_1234_5640L, t.smmu.readq(STRTAB_BASE));
        assertEquals(0x12, t.smmu.readl(STRTAB_BASE + 4));
    }
}
