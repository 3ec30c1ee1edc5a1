package dev.kdumpsim.kernel.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;
import dev.kdumpsim.core.TranslationOutcome;
import dev.kdumpsim.kernel.IommuDriverBed;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.arch.Arches;
import dev.kdumpsim.kernel.iommu.DmaDomain;
import dev.kdumpsim.kernel.iommu.VtdConfig;
import dev.kdumpsim.kernel.iova.IovaAllocator;
import dev.kdumpsim.kernel.iova.IovaDevice;
import dev.kdumpsim.kernel.iova.IovaPolicy;
import dev.kdumpsim.vtd.DmarUnit;
import dev.kdumpsim.vtd.FaultReason;
import org.junit.jupiter.api.Test;

/**
 * The intel-iommu driver on one DMAR unit without a machine: kernel #1 brings it up and maps a
 * buffer, then a kdump kernel takes it over per its policy while the old mapping is still used.
 */
class IntelIommuDriverTest {

    static final int NIC = sourceId(1, 0, 1);
    static final long BUFFER = 0x6000_0000L;

    final IommuDriverBed bed = new IommuDriverBed();
    final Simulation sim = bed.sim;
    final PhysicalMemory mem = bed.mem;
    final VtdHardware hw;
    final DmarUnit unit;
    final Translation out = new Translation();

    IntelIommuDriverTest() {
        hw = new VtdHardware(VtdConfig.defaults(), sim, mem);
        unit = hw.device();
    }

    KernelContext kernel(String id, String release, boolean kdump, String cmdline) {
        return bed.kernel(id, release, kdump, cmdline, Arches.X86_64);
    }

    IntelIommuDriver probe(KernelContext k, IntelIommuPolicy policy) {
        IntelIommuDriver d = new IntelIommuDriver(k, unit, policy);
        boolean[] ok = new boolean[1];
        d.probe(r -> ok[0] = r);
        sim.runUntil(sim.now() + 1_000_000_000L);
        assertTrue(d.probed() || d.probeFailed());
        return d;
    }

    /** Kernel #1: probe, attach the NIC's domain and map {@link #BUFFER}; returns its IOVA. */
    long kernel1Maps(IntelIommuDriver d) {
        d.addDevice(NIC, "0000:01:00.1");
        assertFalse(d.isAttachDeferred(NIC));
        DmaDomain dom = domain(d);
        long iova = dom.map(new IovaDevice("nic: ", true), BUFFER, 4096, true);
        d.attach(NIC, dom, () -> { });
        sim.runUntil(sim.now() + 1_000_000L);
        return iova;
    }

    static DmaDomain domain(IntelIommuDriver d) {
        return d.newDmaDomain("group 0", IovaAllocator.forDmaDomain(4096, 0, IovaPolicy.V4_19, 1, (1L << 48) - 1, false),
                4096);
    }

    static String log(KernelContext k) {
        return IommuDriverBed.log(k);
    }

    Translation dmaWrite(long iova) {
        return unit.translate(NIC, iova, true, 64, out);
    }

    @Test
    void kernelOneTurnsTranslationOnOverItsOwnTablesAndTranslatesTheMapping() {
        KernelContext k1 = kernel("kernel1", "4.19.0", false, "");
        IntelIommuDriver d = probe(k1, IntelIommuPolicy.V4_2);
        assertTrue(d.probed());
        assertEquals(GSTS_TES, unit.readl(GSTS_REG) & GSTS_TES);
        assertTrue(log(k1).contains("DMAR: dmar0: Using Queued invalidation"), log(k1));
        long iova = kernel1Maps(d);
        assertEquals(0xffff_f000L, iova, "top-down below 4 GiB");
        assertEquals(TranslationOutcome.TRANSLATED, dmaWrite(iova).outcome());
        assertEquals(BUFFER, out.physicalAddress());
    }

    @Test
    void aPostCopyKdumpKernelKeepsTheOldMappingUntilItsDriverAttaches() {
        IntelIommuDriver d1 = probe(kernel("kernel1", "4.19.0", false, ""), IntelIommuPolicy.V4_2);
        long iova = kernel1Maps(d1);
        int oldDid = (int) ((mem.peekLong(contextEntryOf(NIC) + 8) >>> 8) & 0xffff);
        KernelContext k = kernel("kdump", "4.19.0", true, "reset_devices");
        IntelIommuDriver d = probe(k, IntelIommuPolicy.V4_2);
        String l = log(k);
        assertTrue(l.contains("DMAR: Translation already enabled - trying to copy translation structures"), l);
        assertTrue(l.contains("DMAR: Copied translation tables from old kernel for dmar0"), l);
        assertTrue(d.copiedTables());
        assertTrue((unit.readq(RTADDR_REG) & ~0xfffL) >= 0x2000_0000L, "the root table is the kdump kernel's");
        d.addDevice(NIC, "0000:01:00.1");
        assertTrue(d.isAttachDeferred(NIC));
        assertEquals(TranslationOutcome.TRANSLATED, dmaWrite(iova).outcome(), "stale DMA still translates");
        assertEquals(BUFFER, out.physicalAddress());
        DmaDomain fresh = domain(d);
        assertNotEquals(oldDid, fresh.asid(), "the old domain-id is reserved");
        d.attach(NIC, fresh, () -> { });
        sim.runUntil(sim.now() + 1_000_000L);
        assertFalse(d.isAttachDeferred(NIC));
        assertEquals(TranslationOutcome.ABORTED, dmaWrite(iova).outcome(), "the new domain does not map the old IOVA");
        assertEquals(FaultReason.WRITE_ACCESS_DENIED, out.eventId());
        assertEquals(0, unit.faultCount(FaultReason.ROOT_ENTRY_NOT_PRESENT));
    }

    long contextEntryOf(int sid) {
        long root = unit.readq(RTADDR_REG) & ~0xfffL;
        long ctx = mem.peekLong(root + 16L * (sid >>> 8)) & ~0xfffL;
        return ctx + 16L * (sid & 0xff);
    }

    @Test
    void aPreCopyKdumpKernelFaultsTheStaleDmaAndPrintsItFromTheRecordingRegisters() {
        IntelIommuDriver d1 = probe(kernel("kernel1", "4.0.0", false, ""), IntelIommuPolicy.V4_0);
        long iova = kernel1Maps(d1);
        d1.kernelStopped();
        KernelContext k = kernel("kdump", "4.0.0", true, "");
        IntelIommuDriver d = probe(k, IntelIommuPolicy.V4_0);
        assertTrue(d.summary().bypassStartNs() >= 0 && d.summary().bypassEndNs() > d.summary().bypassStartNs());
        assertEquals(TranslationOutcome.ABORTED, dmaWrite(iova).outcome());
        assertEquals(FaultReason.ROOT_ENTRY_NOT_PRESENT, out.eventId());
        sim.runUntil(sim.now() + 100_000_000L);
        String l = log(k);
        assertTrue(l.contains("DMAR: DRHD: handling fault status reg 2"), l);
        assertTrue(l.contains("DMAR: DMAR:[DMA Write] Request device [01:00.1] fault addr fffff000 "), l);
        assertTrue(l.contains("DMAR:[fault reason 01] Present bit in root entry is clear"), l);
        assertEquals(1, d.summary().faultsPrinted());
        assertEquals(0, unit.readl(dev.kdumpsim.vtd.VtdRegisters.FSTS_REG) & FSTS_PPF, "the record was cleared");
    }

    static final int NO_ROOT_ENTRY = sourceId(2, 0, 0);

    /**
     * Kernel #1 brings the unit up and stops with FECTL unmasked; a kdump kernel with {@code cmdline}
     * probes, and the moment the unit has latched its (copied) root table, before {@code init_dmars}
     * reaches {@code dmar_set_interrupt}, a device on a bus without a root entry writes. Returns the
     * kdump kernel's driver once the probe and the fault handling are over.
     */
    IntelIommuDriver faultWhileTheRootTableSwitches(KernelContext k) {
        IntelIommuDriver d1 = probe(kernel("kernel1", "4.19.0", false, ""), IntelIommuPolicy.V4_2);
        kernel1Maps(d1);
        d1.kernelStopped();
        assertEquals(0, unit.readl(FECTL_REG) & FECTL_IM, "kernel #1 left the fault event unmasked");
        IntelIommuDriver d = new IntelIommuDriver(k, unit, IntelIommuPolicy.V4_2);
        d.probe(r -> { });
        long end = sim.now() + 1_000_000_000L;
        while (!((unit.readl(GSTS_REG) & GSTS_RTPS) != 0 && (unit.readq(RTADDR_REG) & ~0xfffL) >= 0x2000_0000L)) {
            assertTrue(sim.now() < end, "the kdump kernel never set its root table");
            sim.runUntil(sim.now() + 10);
        }
        assertFalse(d.probed(), "still inside init_dmars");
        assertEquals(TranslationOutcome.ABORTED, unit.translate(NO_ROOT_ENTRY, 0x1000, true, 64, out).outcome());
        assertEquals(FaultReason.ROOT_ENTRY_NOT_PRESENT, out.eventId());
        assertTrue(out.eventRecorded());
        sim.runUntil(sim.now() + 1_000_000_000L);
        assertTrue(d.probed());
        return d;
    }

    /**
     * x86-vtd-scalable-copy-faults at seed 45 on the driver alone: with interrupt remapping (ECAP.IR,
     * no intremap=off) {@code enable_drhd_fault_handling} set the fault interrupt up before {@code
     * init_dmars}, so a fault raised while the unit switches to the copied root table is printed.
     */
    @Test
    void withInterruptRemappingAFaultWhileTheRootTableSwitchesIsPrinted() {
        KernelContext k = kernel("kdump", "4.19.0", true, "reset_devices");
        IntelIommuDriver d = faultWhileTheRootTableSwitches(k);
        assertTrue(d.irqRemapping());
        String l = log(k);
        assertTrue(l.contains("DMAR: DRHD: handling fault status reg 2"), l);
        assertTrue(l.contains("DMAR: [DMA Write] Request device [02:00.0] fault addr 1000 [fault reason 01]"
                + " Present bit in root entry is clear"), l);
        assertEquals(1, d.summary().faultsPrinted());
        assertEquals(0, unit.readl(FSTS_REG) & FSTS_PPF, "the record was cleared");
    }

    /**
     * Without interrupt remapping the fault interrupt is set up only at the end of {@code init_dmars}
     * (v4.19/v5.15 iommu.c), as in the real kernel: the event went out while the kdump kernel had no
     * handler for it, PPF stayed set, and the record waits unprinted.
     */
    @Test
    void withIntremapOffTheSameFaultWaitsInTheRegistersUnprinted() {
        KernelContext k = kernel("kdump", "4.19.0", true, "reset_devices intremap=off");
        IntelIommuDriver d = faultWhileTheRootTableSwitches(k);
        assertFalse(d.irqRemapping());
        assertFalse(log(k).contains("handling fault status reg"), log(k));
        assertEquals(0, d.summary().faultsPrinted());
        assertEquals(FSTS_PPF, unit.readl(FSTS_REG) & FSTS_PPF);
    }

    @Test
    void aFailedCopyFallsBackToAFreshTableWithTranslationOff() {
        unit.writeq(RTADDR_REG, 0); // a previous owner that enabled translation on a root table at 0
        unit.writel(GCMD_REG, GCMD_SRTP);
        sim.runUntil(sim.now() + 1_000_000L);
        unit.writel(GCMD_REG, GCMD_TE);
        sim.runUntil(sim.now() + 1_000_000L);
        KernelContext k = kernel("kdump", "5.15.0", true, "");
        IntelIommuDriver d = probe(k, IntelIommuPolicy.V4_2);
        assertTrue(log(k).contains("DMAR: Failed to copy translation tables from old kernel for dmar0"), log(k));
        assertFalse(d.copiedTables());
        assertTrue(d.probed());
        assertTrue(d.summary().bypassStartNs() >= 0, "translation was off while the new table was set up");
        assertEquals(GSTS_TES, unit.readl(GSTS_REG) & GSTS_TES);
    }

    @Test
    void aKernelThatIsNotKdumpTurnsAnInheritedTranslationOff() {
        probe(kernel("kernel1", "4.19.0", false, ""), IntelIommuPolicy.V4_2);
        KernelContext k = kernel("kexec", "4.19.0", false, "");
        IntelIommuDriver d = probe(k, IntelIommuPolicy.V4_2);
        assertTrue(log(k).contains("DMAR: Translation was enabled for dmar0 but we are not in kdump mode"), log(k));
        assertFalse(d.copiedTables());
    }

    @Test
    void from47TheFaultPrintsAreRatelimited() {
        IntelIommuDriver d1 = probe(kernel("kernel1", "4.9.0", false, ""), IntelIommuPolicy.V4_2);
        long iova = kernel1Maps(d1);
        d1.kernelStopped();
        KernelContext k = kernel("kdump", "4.9.0", true, "");
        IntelIommuDriver d = probe(k, IntelIommuPolicy.V4_0);
        for (int i = 0; i < 120; i++) { // one stale write every 100 ms for 12 s
            dmaWrite(iova);
            sim.runUntil(sim.now() + 100_000_000L);
        }
        String l = log(k);
        assertTrue(l.contains("DMAR: [DMA Write] Request device [01:00.1] fault addr fffff000 [fault reason 01]"
                + " Present bit in root entry is clear"), l);
        assertTrue(l.contains("dmar_fault: ") && l.contains(" callbacks suppressed"), l);
        assertTrue(d.summary().faultsSuppressed() > 0);
        assertTrue(d.summary().faultsPrinted() < 20, "about three faults per 5 s window: " + d.summary());
    }

    @Test
    void anInterruptRemappingFaultPrintsTheIntrRemapLine() {
        KernelContext k = kernel("kernel1", "5.15.0", false, "");
        probe(k, IntelIommuPolicy.V4_2);
        // enable interrupt remapping by hand (IRTA, SIRTP, IRE) with compatibility format blocked
        int gcmd = unit.readl(GSTS_REG) & (GCMD_TE | GCMD_QIE);
        unit.writeq(IRTA_REG, 0x3000_0000L);
        unit.writel(GCMD_REG, gcmd | GCMD_SIRTP);
        sim.runUntil(sim.now() + 1_000_000L);
        unit.writel(GCMD_REG, gcmd | GCMD_IRE);
        sim.runUntil(sim.now() + 1_000_000L);
        Translation t = hw.interruptRequests().interruptRequest(sourceId(1, 0, 0), 0xfee0_0000L, 0x41, out);
        assertEquals(TranslationOutcome.ABORTED, t.outcome());
        assertEquals(FaultReason.IR_COMPATIBILITY_BLOCKED, t.eventId());
        sim.runUntil(sim.now() + 100_000_000L);
        String l = log(k);
        assertTrue(l.contains("DMAR: [INTR-REMAP] Request device [01:00.0] fault index 0x"), l);
        assertTrue(l.contains("[fault reason 0x25] Blocked a compatibility format interrupt request"), l);
    }
}
