package dev.kdumpsim.bench;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.smmuv3.*;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;
import dev.kdumpsim.core.TranslationOutcome;

/**
 * Throughput of the translation path, for the CLI's {@code bench} command (wall-clock timing is
 * confined to this class; model code never reads a clock). Two paths:
 * <ul>
 * <li>stage-1 TLB hit: a 2-level stream table, one S1 STE, 64 mapped 4 KiB pages, all cached;</li>
 * <li>C_BAD_STREAMID: StreamID 0x100 with L1 Span=0, RECINVSID=1, event queue on and full, so each
 *     transaction reads the L1 descriptor and counts a lost record (the kdump flood's steady state).</li>
 * </ul>
 */
public final class SmmuBenchmark {

    /** Results in translations per second. */
    public record Result(long translations, double tlbHitPerSecond, double badStreamIdPerSecond) {
        public String toText() {
            return String.format("SMMUv3 stage-1 TLB hit: %,.0f translations/s%nSMMUv3 C_BAD_STREAMID:   %,.0f translations/s%n",
                    tlbHitPerSecond, badStreamIdPerSecond);
        }
    }

    private SmmuBenchmark() {
    }

    /** Runs both paths {@code translations} times each (after a warm-up of the same length). */
    public static Result run(long translations) {
        Machine m = new Machine();
        Translation out = new Translation();
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            sink += loop(m.smmu, 0x201, translations, out);
            sink += loop(m.smmu, 0x100, translations, out);
        }
        // the loops must measure the paths they claim to
        if (m.smmu.translate(0x201, 0xfffc_0000L, true, 64, out).outcome() != TranslationOutcome.TRANSLATED
                || m.smmu.translate(0x100, 0xfffc_0000L, true, 64, out).eventId() != EventId.C_BAD_STREAMID) {
            throw new IllegalStateException("benchmark machine is not programmed as intended");
        }
        long t0 = System.nanoTime();
        sink += loop(m.smmu, 0x201, translations, out);
        long t1 = System.nanoTime();
        sink += loop(m.smmu, 0x100, translations, out);
        long t2 = System.nanoTime();
        if (sink == 42) {
            System.out.print(""); // keep the loops observable
        }
        return new Result(translations, translations * 1e9 / Math.max(1, t1 - t0),
                translations * 1e9 / Math.max(1, t2 - t1));
    }

    private static long loop(SmmuV3 smmu, int sid, long n, Translation out) {
        long acc = 0;
        for (long i = 0; i < n; i++) {
            long iova = 0xfffc_0000L + ((i & 63) << 12) + (i & 0xff0);
            smmu.translate(sid, iova, (i & 1) == 0, 64, out);
            acc += out.physicalAddress() + out.eventId();
        }
        return acc;
    }

    /** An SMMU programmed through MMIO like Linux does it. */
    private static final class Machine {
        final Simulation sim = new Simulation(1);
        final PhysicalMemory mem = new PhysicalMemory(sim);
        final SmmuV3 smmu = new SmmuV3("bench-smmu", sim, mem, SmmuParameters.defaults());
        final int cpu = mem.registerAgent("bench-kernel");
        private long next = 0x4000_0000L;

        Machine() {
            long l1 = alloc(0x1000);
            long l2 = alloc(0x4000);
            long cmdq = alloc(0x1000);
            long evtq = alloc(0x1000);
            long cd = alloc(0x1000);
            // SIDs 0x200-0x2ff get an L2 table (SID 0x201 translates); SID 0x100's L1STD keeps Span=0.
            for (int i = 0; i < 256; i++) {
                StreamTableEntry.abort().writeTo(mem, cpu, l2 + 64L * i);
            }
            new L1StreamTableDescriptor(9, l2).writeTo(mem, cpu, l1 + 8 * 2);
            Stage1PageTableBuilder pt = new Stage1PageTableBuilder(mem, cpu, TranslationGranule.GRANULE_4K, 48,
                    this::alloc);
            pt.map(0xfffc_0000L, 0x8_0000_0000L, 64 * 0x1000, true);
            ContextDescriptor.linuxDmaDomain(1, pt.root(), 48, TranslationGranule.GRANULE_4K, 4).writeTo(mem, cpu, cd);
            StreamTableEntry.stage1(cd).writeTo(mem, cpu, l2 + 64);
            smmu.writel(CR2, CR2_RECINVSID);
            smmu.writeq(STRTAB_BASE, l1);
            smmu.writel(STRTAB_BASE_CFG, strtabBaseCfg(STRTAB_BASE_CFG_FMT_2LVL, 8, 16));
            smmu.writeq(CMDQ_BASE, queueBase(cmdq, 6));
            smmu.writeq(EVENTQ_BASE, queueBase(evtq, 3));
            smmu.writel(CR0, CR0_CMDQEN | CR0_EVENTQEN | CR0_SMMUEN);
            sim.runUntil(sim.now() + 10_000);
        }

        private long alloc(long size) {
            long pa = (next + size - 1) & -size;
            next = pa + size;
            return pa;
        }
    }
}
