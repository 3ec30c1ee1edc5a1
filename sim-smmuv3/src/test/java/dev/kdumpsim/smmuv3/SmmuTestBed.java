package dev.kdumpsim.smmuv3;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;

/** A machine with one SMMU and a tiny "driver" that programs it only through MMIO and memory. */
final class SmmuTestBed {

    static final long L1_BASE = 0x1000_0000L;
    static final long L2_BASE = 0x1001_0000L;
    static final long CMDQ_ADDR = 0x1100_0000L;
    static final long EVTQ_ADDR = 0x1200_0000L;
    static final long CD_ADDR = 0x1300_0000L;
    static final int SPLIT = 8;

    final Simulation sim;
    final PhysicalMemory mem;
    final SmmuV3 smmu;
    final int cpu;
    final Translation out = new Translation();
    private long nextTable = 0x1400_0000L;
    int evtqLog2 = 4;

    SmmuTestBed(SmmuParameters p) {
        this(p, 1);
    }

    SmmuTestBed(SmmuParameters p, long seed) {
        sim = new Simulation(seed);
        mem = new PhysicalMemory(sim);
        smmu = new SmmuV3("smmu0", sim, mem, p);
        cpu = mem.registerAgent("kernel");
    }

    SmmuTestBed() {
        this(SmmuParameters.defaults());
    }

    void settle() {
        sim.runUntil(sim.now() + 1_000_000);
    }

    void writeCr0Sync(int v) {
        smmu.writel(CR0, v);
        settle();
    }

    /** Linux-like reset: 2-level table (all L1 Span=0), CMDQ, CFGI_ALL, TLBI, EVTQ, IRQs, SMMUEN. */
    void enableTwoLevel(boolean recInvSid) {
        smmu.writel(CR0, 0);
        settle();
        smmu.writel(CR2, recInvSid ? CR2_RECINVSID : 0);
        smmu.writeq(STRTAB_BASE, L1_BASE);
        smmu.writel(STRTAB_BASE_CFG, strtabBaseCfg(STRTAB_BASE_CFG_FMT_2LVL, SPLIT, 16));
        commonEnable();
    }

    void enableLinear(int log2size) {
        smmu.writel(CR0, 0);
        settle();
        smmu.writel(CR2, CR2_RECINVSID);
        smmu.writeq(STRTAB_BASE, L2_BASE);
        smmu.writel(STRTAB_BASE_CFG, strtabBaseCfg(STRTAB_BASE_CFG_FMT_LINEAR, 0, log2size));
        commonEnable();
    }

    private void commonEnable() {
        smmu.writeq(CMDQ_BASE, queueBase(CMDQ_ADDR, 8));
        smmu.writel(CMDQ_PROD, 0);
        smmu.writel(CMDQ_CONS, 0);
        writeCr0Sync(CR0_CMDQEN);
        submit(Command.cfgiAll(), Command.sync(), Command.tlbiNsnhAll(), Command.sync());
        smmu.writeq(EVENTQ_BASE, queueBase(EVTQ_ADDR, evtqLog2));
        smmu.writel(EVENTQ_PROD, 0);
        smmu.writel(EVENTQ_CONS, 0);
        writeCr0Sync(CR0_CMDQEN | CR0_EVENTQEN);
        smmu.writel(IRQ_CTRL, IRQ_CTRL_EVENTQ_IRQEN | IRQ_CTRL_GERROR_IRQEN);
        writeCr0Sync(CR0_CMDQEN | CR0_EVENTQEN | CR0_SMMUEN);
    }

    /** Writes commands at CMDQ_PROD, publishes PROD and runs until the SMMU has consumed them (or stopped). */
    void submit(Command... cmds) {
        int prod = smmu.readl(CMDQ_PROD);
        int mask = (2 << 8) - 1;
        for (Command c : cmds) {
            c.writeTo(mem, cpu, CMDQ_ADDR + 16L * (prod & 0xff));
            prod = (prod + 1) & mask;
        }
        smmu.writel(CMDQ_PROD, prod);
        settle();
    }

    /** Installs a 256-entry L2 table for the group of {@code sid}, every STE = {@code fill}. */
    long installL2(int sid, StreamTableEntry fill) {
        int group = sid >>> SPLIT;
        long l2 = L2_BASE + 0x4000L * group;
        for (int i = 0; i < 256; i++) {
            fill.writeTo(mem, cpu, l2 + 64L * i);
        }
        new L1StreamTableDescriptor(SPLIT + 1, l2).writeTo(mem, cpu, L1_BASE + 8L * group);
        return l2;
    }

    long steAddress(int sid) {
        return L2_BASE + 0x4000L * (sid >>> SPLIT) + 64L * (sid & 0xff);
    }

    /** Stage-1 domain: CD at CD_ADDR + 64*asid, 48-bit input, page tables from a bump allocator. */
    Stage1PageTableBuilder stage1(int sid, int asid, TranslationGranule g) {
        Stage1PageTableBuilder b = new Stage1PageTableBuilder(mem, cpu, g, 48, size -> {
            long pa = (nextTable + size - 1) & -size;
            nextTable = pa + size;
            return pa;
        });
        long cd = CD_ADDR + 64L * asid;
        ContextDescriptor.linuxDmaDomain(asid, b.root(), 48, g, 4).writeTo(mem, cpu, cd);
        StreamTableEntry.stage1(cd).writeTo(mem, cpu, steAddress(sid));
        return b;
    }

    Translation translate(int sid, long addr, boolean write) {
        return smmu.translate(sid, addr, write, 64, out);
    }

    EventRecord eventAt(int index) {
        long a = EVTQ_ADDR + 32L * (index & ((1 << evtqLog2) - 1));
        return new EventRecord(mem.peekLong(a), mem.peekLong(a + 8), mem.peekLong(a + 16), mem.peekLong(a + 24));
    }
}
