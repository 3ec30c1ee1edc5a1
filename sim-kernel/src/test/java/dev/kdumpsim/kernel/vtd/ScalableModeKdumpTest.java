package dev.kdumpsim.kernel.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.kdumpsim.vtd.VtdParameters;
import org.junit.jupiter.api.Test;

/**
 * Scalable mode across a crash: a kernel #1 with {@code intel_iommu=sm_on} maps a buffer for a
 * device, then a kdump kernel copies (or fails to copy) its tables per policy while the old DMA
 * continues. Each outcome is what the hardware model makes of the copied bytes.
 */
class ScalableModeKdumpTest {

    static final int NIC = 0x0101;           // 01:00.1, lower half of its bus's root entry
    static final int UPPER_ONLY = 0x80a0;    // 80:14.0, devfn 0xa0: the only device on bus 0x80
    static final long BUFFER = 0x6000_0000L;
    static final String SM = "intel_iommu=on,sm_on";

    final IommuDriverBed bed = new IommuDriverBed();
    final Simulation sim = bed.sim;
    final PhysicalMemory mem = bed.mem;
    final DmarUnit unit;
    final Translation out = new Translation();

    ScalableModeKdumpTest() {
        VtdHardware hw = new VtdHardware(new VtdConfig(VtdParameters.builder().scalableMode(true).build()), sim, mem);
        unit = hw.device();
    }

    KernelContext kernel(String id, String release, boolean kdump, String cmdline) {
        return bed.kernel(id, release, kdump, cmdline, Arches.X86_64);
    }

    IntelIommuDriver probe(KernelContext k, IntelIommuPolicy policy) {
        IntelIommuDriver d = new IntelIommuDriver(k, unit, policy);
        d.probe(r -> { });
        sim.runUntil(sim.now() + 1_000_000_000L);
        assertTrue(d.probed() || d.probeFailed());
        return d;
    }

    /** Kernel #1 attaches {@code sid} to a fresh domain mapping {@link #BUFFER}; returns the IOVA. */
    long kernel1Maps(IntelIommuDriver d, int sid) {
        d.addDevice(sid, "dev");
        DmaDomain dom = d.newDmaDomain("group", IovaAllocator.forDmaDomain(4096, 0, IovaPolicy.V4_19, 1,
                (1L << 48) - 1, false), 4096);
        long iova = dom.map(new IovaDevice("dev: ", true), BUFFER, 4096, true);
        d.attach(sid, dom, () -> { });
        sim.runUntil(sim.now() + 1_000_000L);
        return iova;
    }

    static String log(KernelContext k) {
        return IommuDriverBed.log(k);
    }

    Translation dmaWrite(int sid, long iova) {
        return unit.translate(sid, iova, true, 64, out);
    }

    /** Kernel #1 on 5.15 with sm_on, devices {@code sids} mapped; returns their (equal) IOVA. */
    long crashedKernelInScalableMode(int... sids) {
        IntelIommuDriver d1 = probe(kernel("kernel1", "5.15.0", false, SM), IntelIommuPolicy.V4_2);
        assertTrue(d1.scalableMode());
        assertEquals((long) TTM_SCALABLE, (unit.readq(RTADDR_REG) >>> RTADDR_TTM_SHIFT) & 3);
        long iova = 0;
        for (int sid : sids) {
            iova = kernel1Maps(d1, sid);
            assertEquals(TranslationOutcome.TRANSLATED, dmaWrite(sid, iova).outcome(), "kernel #1 translates in SM");
            assertEquals(BUFFER, out.physicalAddress());
        }
        d1.kernelStopped();
        return iova;
    }

    @Test
    void aKernelWithoutSmOnRunsLegacyModeOnAScalableModeUnit() {
        IntelIommuDriver d = probe(kernel("kernel1", "6.1.0", false, "intel_iommu=on"), IntelIommuPolicy.V6_0);
        assertFalse(d.scalableMode());
        assertEquals(0L, (unit.readq(RTADDR_REG) >>> RTADDR_TTM_SHIFT) & 3);
        IntelIommuDriver old = probe(kernel("kexec", "4.19.0", false, SM), IntelIommuPolicy.V4_2);
        assertFalse(old.scalableMode(), "4.19 does not know sm_on");
    }

    @Test
    void beforeTheFixTheScalableTablesAreCopiedAsLegacyOnesAndStaleDmaFaultsInThePasidTable() {
        long iova = crashedKernelInScalableMode(NIC);
        KernelContext k = kernel("kdump", "5.15.0", true, SM + " reset_devices");
        IntelIommuDriver d = probe(k, IntelIommuPolicy.V4_2);
        assertTrue(log(k).contains("DMAR: Copied translation tables from old kernel for dmar0"), log(k));
        assertTrue(d.copiedTables());
        assertEquals(TranslationOutcome.ABORTED, dmaWrite(NIC, iova).outcome());
        // bit 67 (context_set_copied) sits in RID_PASID: the unit looks up PASID 8 in the old PASID table
        assertEquals(FaultReason.SM_PASID_ENTRY_NOT_PRESENT, out.eventId());
    }

    @Test
    void fromTheFixTheScalableTablesAreCopiedAndStaleDmaKeepsTranslating() {
        long iova = crashedKernelInScalableMode(NIC);
        KernelContext k = kernel("kdump", "6.1.0", true, SM + " reset_devices");
        IntelIommuDriver d = probe(k, IntelIommuPolicy.V6_0);
        assertTrue(d.copiedTables(), log(k));
        assertTrue((unit.readq(RTADDR_REG) & ~0xfffL) >= 0x2000_0000L, "the root table is the kdump kernel's");
        d.addDevice(NIC, "0000:01:00.1");
        assertTrue(d.isAttachDeferred(NIC));
        assertEquals(TranslationOutcome.TRANSLATED, dmaWrite(NIC, iova).outcome());
        assertEquals(BUFFER, out.physicalAddress());
        assertEquals(0, unit.faultsRecorded());
    }

    @Test
    void aKdumpKernelInLegacyModeCannotCopyAScalableTableAndTurnsTranslationOff() {
        long iova = crashedKernelInScalableMode(NIC);
        KernelContext k = kernel("kdump", "6.1.0", true, "intel_iommu=on reset_devices");
        IntelIommuDriver d = probe(k, IntelIommuPolicy.V6_0);
        assertTrue(log(k).contains("DMAR: Failed to copy translation tables from old kernel for dmar0"), log(k));
        assertFalse(d.copiedTables());
        assertTrue(d.summary().bypassStartNs() >= 0, "translation was off while the new table was set up");
        assertEquals(TranslationOutcome.ABORTED, dmaWrite(NIC, iova).outcome());
        assertEquals(FaultReason.ROOT_ENTRY_NOT_PRESENT, out.eventId());
    }

    @Test
    void aBusWithOnlyAnUpperContextTableLosesItInTheCopyUntilThe2026Patch() {
        long iova = crashedKernelInScalableMode(NIC, UPPER_ONLY);
        IntelIommuDriver d = probe(kernel("kdump", "6.18.0", true, SM), IntelIommuPolicy.V6_0);
        assertTrue(d.copiedTables());
        assertEquals(TranslationOutcome.TRANSLATED, dmaWrite(NIC, iova).outcome(), "bus 1 has a lower table only");
        assertEquals(TranslationOutcome.ABORTED, dmaWrite(UPPER_ONLY, iova).outcome());
        assertEquals(FaultReason.SM_ROOT_ENTRY_NOT_PRESENT, out.eventId(), "the copy went into the lower slot");
        long root = unit.readq(RTADDR_REG) & ~0xfffL;
        assertEquals(1, mem.peekLong(root + 16L * 0x80) & 1, "LP set: the upper table's copy is the lower one");
        assertEquals(0, mem.peekLong(root + 16L * 0x80 + 8) & 1, "UP clear");
    }

    @Test
    void withTheUctpSlotPatchTheUpperOnlyBusKeepsTranslating() {
        long iova = crashedKernelInScalableMode(NIC, UPPER_ONLY);
        IntelIommuDriver d = probe(kernel("kdump", "6.18.0", true, SM), IntelIommuPolicy.UCTP_SLOT_FIX);
        assertTrue(d.copiedTables());
        assertEquals(TranslationOutcome.TRANSLATED, dmaWrite(UPPER_ONLY, iova).outcome());
        assertEquals(BUFFER, out.physicalAddress());
        assertEquals(TranslationOutcome.TRANSLATED, dmaWrite(NIC, iova).outcome());
        assertEquals(0, unit.faultsRecorded());
    }

    @Test
    void theKdumpDriverReplacesACopiedScalableEntryWhenItAttaches() {
        long iova = crashedKernelInScalableMode(NIC);
        IntelIommuDriver d = probe(kernel("kdump", "6.1.0", true, SM), IntelIommuPolicy.V6_0);
        d.addDevice(NIC, "0000:01:00.1");
        DmaDomain fresh = d.newDmaDomain("group", IovaAllocator.forDmaDomain(4096, 0, IovaPolicy.V4_19, 1,
                (1L << 48) - 1, false), 4096);
        long mine = fresh.map(new IovaDevice("nic: ", true), 0x2800_0000L, 4096, true);
        d.attach(NIC, fresh, () -> { });
        sim.runUntil(sim.now() + 1_000_000L);
        assertFalse(d.isAttachDeferred(NIC));
        assertEquals(TranslationOutcome.TRANSLATED, unit.translate(NIC, mine, false, 64, out).outcome());
        assertEquals(0x2800_0000L, out.physicalAddress());
    }
}
