package dev.kdumpsim.smmuv3;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.TranslationOutcome;
import org.junit.jupiter.api.Test;

class CommandQueueTest {

    @Test
    void consumesCommandsWithPerCommandLatency() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        long before = t.smmu.commandsConsumed();
        int prod = t.smmu.readl(CMDQ_PROD);
        Command.sync().writeTo(t.mem, t.cpu, SmmuTestBed.CMDQ_ADDR + 16L * prod);
        Command.sync().writeTo(t.mem, t.cpu, SmmuTestBed.CMDQ_ADDR + 16L * (prod + 1));
        t.smmu.writel(CMDQ_PROD, prod + 2);
        t.sim.runUntil(t.sim.now() + 199);
        assertEquals(prod, t.smmu.readl(CMDQ_CONS));
        t.sim.runUntil(t.sim.now() + 1);
        assertEquals(prod + 1, t.smmu.readl(CMDQ_CONS));
        t.settle();
        assertEquals(prod + 2, t.smmu.readl(CMDQ_CONS));
        assertEquals(before + 2, t.smmu.commandsConsumed());
    }

    @Test
    void illegalCommandStopsConsumptionUntilGerrorAcknowledged() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        int[] gerrorIrqs = {0};
        t.smmu.addIrqListener(new SmmuIrqListener() {
            @Override
            public void onGerrorIrq() {
                gerrorIrqs[0]++;
            }
        });
        t.installL2(0x100, StreamTableEntry.bypass());
        t.translate(0x100, 0, false);
        StreamTableEntry.abort().writeTo(t.mem, t.cpu, t.steAddress(0x100));
        int bad = t.smmu.readl(CMDQ_PROD);
        t.submit(new Command(0x7f, 0), Command.cfgiSte(0x100, true), Command.sync());
        int cons = t.smmu.readl(CMDQ_CONS);
        assertEquals(bad, cons & 0xfffff);
        assertEquals(CERROR_ILL, (cons & CMDQ_CONS_ERR_MASK) >>> CMDQ_CONS_ERR_SHIFT);
        int gerror = t.smmu.readl(GERROR);
        assertEquals(GERROR_CMDQ_ERR, (gerror ^ t.smmu.readl(GERRORN)) & GERROR_CMDQ_ERR);
        assertEquals(1, gerrorIrqs[0]);
        assertEquals(TranslationOutcome.BYPASSED, t.translate(0x100, 0, false).outcome(), "CFGI not yet run");
        // Linux arm_smmu_cmdq_skip_err: replace the bad command with CMD_SYNC, then ack GERRORN
        Command.sync().writeTo(t.mem, t.cpu, SmmuTestBed.CMDQ_ADDR + 16L * bad);
        t.smmu.writel(GERRORN, gerror);
        t.settle();
        assertEquals(t.smmu.readl(CMDQ_PROD), t.smmu.readl(CMDQ_CONS) & 0x1ff);
        assertEquals(TranslationOutcome.ABORTED, t.translate(0x100, 0, false).outcome());
        assertEquals(1, t.smmu.commandErrors());
    }

    @Test
    void el2CommandIsIllegalWithoutHyp() {
        SmmuParameters noHyp = SmmuParameters.builder().set("hyp", false).build();
        SmmuTestBed t = new SmmuTestBed(noHyp);
        t.enableTwoLevel(true);
        t.submit(Command.tlbiEl2All());
        assertEquals(GERROR_CMDQ_ERR, (t.smmu.readl(GERROR) ^ t.smmu.readl(GERRORN)) & GERROR_CMDQ_ERR);
    }

    @Test
    void syncWithMsiWritesMsiData() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.mem.writeLong(t.cpu, 0x2000_0000L, -1L);
        t.submit(Command.syncMsi(0x2000_0004L, 0));
        assertEquals(0x0000_0000_ffff_ffffL, t.mem.peekLong(0x2000_0000L));
    }

    @Test
    void commandQueueIdleWhileCmdqenClear() {
        SmmuTestBed t = new SmmuTestBed();
        t.enableTwoLevel(true);
        t.writeCr0Sync(CR0_SMMUEN);
        int prod = t.smmu.readl(CMDQ_PROD);
        t.submit(Command.sync());
        assertEquals(prod, t.smmu.readl(CMDQ_CONS) & 0x1ff);
        t.writeCr0Sync(CR0_SMMUEN | CR0_CMDQEN);
        assertEquals(prod + 1, t.smmu.readl(CMDQ_CONS) & 0x1ff);
    }
}
