package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;
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
import dev.kdumpsim.kernel.iova.IovaAllocator;
import dev.kdumpsim.kernel.iova.IovaDevice;
import dev.kdumpsim.kernel.iova.IovaPolicy;
import dev.kdumpsim.smmuv3.EventId;
import dev.kdumpsim.smmuv3.SmmuParameters;
import dev.kdumpsim.smmuv3.SmmuV3;
import org.junit.jupiter.api.Test;

/**
 * The arm-smmu-v3 driver on one SMMU without a machine: kernel #1 probes it, attaches the NIC's
 * stage-1 domain and maps a buffer; a kdump kernel then takes the still-enabled SMMU over by its
 * policy's reset while the NIC's stale IOVA is still in use. Each policy's outcome is read back
 * from the SMMU's registers and translation path, the way the device would meet it.
 */
class ArmSmmuV3DriverTest {

    static final int NIC = 0x100;
    static final long BUFFER = 0x6000_0000L;

    final IommuDriverBed bed = new IommuDriverBed();
    final Simulation sim = bed.sim;
    final PhysicalMemory mem = bed.mem;
    final SmmuV3 smmu;
    final Translation out = new Translation();

    ArmSmmuV3DriverTest() {
        smmu = new SmmuV3("smmu0", sim, mem, SmmuParameters.defaults());
    }

    KernelContext kernel(String id, String release, boolean kdump) {
        return bed.kernel(id, release, kdump, "", Arches.ARM64);
    }

    ArmSmmuV3Driver probe(KernelContext k, SmmuDriverPolicy policy) {
        ArmSmmuV3Driver d = new ArmSmmuV3Driver(k, smmu, policy, true, 7, 4096);
        d.probe(ok -> { });
        sim.runUntil(sim.now() + 1_000_000_000L);
        assertTrue(d.probed() || d.probeFailed(), "the probe finished");
        return d;
    }

    /** Kernel #1 on 4.16: probe, the NIC's domain, one mapped page; returns its IOVA. */
    long kernel1Maps() {
        ArmSmmuV3Driver d = probe(kernel("kernel1", "4.16.0", false), SmmuDriverPolicy.V4_16);
        d.addDevice(NIC, "0000:01:00.0");
        DmaDomain dom = d.newDmaDomain("group 0", IovaAllocator.forDmaDomain(4096, 0, IovaPolicy.V4_19, 1,
                (1L << 48) - 1, false), 4096);
        long iova = dom.map(new IovaDevice("nic: ", true), BUFFER, 4096, true);
        d.attach(NIC, dom, () -> { });
        sim.runUntil(sim.now() + 1_000_000L);
        d.kernelStopped();
        return iova;
    }

    Translation staleWrite(long iova) {
        return smmu.translate(NIC, iova, true, 64, out);
    }

    static String log(KernelContext k) {
        return IommuDriverBed.log(k);
    }

    @Test
    void kernelOneEnablesTranslationThroughItsStreamTableAndTheMappingTranslates() {
        long iova = kernel1Maps();
        assertEquals(CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN, smmu.readl(CR0ACK) & (CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN));
        assertEquals(0xffff_f000L, iova, "top-down below 4 GiB (dma-iommu's SAC attempt)");
        assertEquals(TranslationOutcome.TRANSLATED, staleWrite(iova).outcome());
        assertEquals(BUFFER, out.physicalAddress());
    }

    @Test
    void v416ResetsWithGbpaUntouchedSoTheWindowBypassesAndNewStreamsBypassToo() {
        long iova = kernel1Maps();
        KernelContext k = kernel("kdump", "4.16.0", true);
        ArmSmmuV3Driver d = probe(k, SmmuDriverPolicy.V4_16);
        assertTrue(log(k).contains("arm-smmu-v3 arm-smmu-v3.0.auto: SMMU currently enabled! Resetting..."), log(k));
        assertTrue(d.foundEnabled() && d.probed());
        var s = d.summary();
        assertTrue(s.bypassStartNs() >= 0 && s.bypassEndNs() > s.bypassStartNs(), "SMMUEN was 0 with GBPA.ABORT 0");
        assertEquals(0, smmu.readl(GBPA) & GBPA_ABORT);
        assertFalse(d.disableBypass());
        d.addDevice(NIC, "0000:01:00.0");
        assertEquals(TranslationOutcome.BYPASSED, staleWrite(iova).outcome(), "a bypass STE: IOVA used as PA");
        assertEquals(iova, out.physicalAddress());
    }

    @Test
    void v419AbortsAllTrafficAndFailsTheProbe() {
        long iova = kernel1Maps();
        ArmSmmuV3Driver d = probe(kernel("kdump", "4.19.0", true), SmmuDriverPolicy.V4_19);
        assertTrue(d.probeFailed());
        assertEquals(0, smmu.readl(CR0ACK) & CR0_SMMUEN);
        assertEquals(GBPA_ABORT, smmu.readl(GBPA) & GBPA_ABORT);
        assertEquals(TranslationOutcome.ABORTED, staleWrite(iova).outcome());
        assertEquals(-1, d.summary().bypassStartNs(), "no bypass window");
    }

    @Test
    void v52AbortsBeforeDisablingAndLeavesTheEventQueueOffInKdump() {
        long iova = kernel1Maps();
        ArmSmmuV3Driver d = probe(kernel("kdump", "5.2.0", true), SmmuDriverPolicy.V5_2);
        assertTrue(d.probed());
        assertEquals(-1, d.summary().bypassStartNs(), "GBPA.ABORT was set before SMMUEN cleared");
        assertEquals(CR0_SMMUEN, smmu.readl(CR0ACK) & (CR0_SMMUEN | CR0_EVENTQEN));
        d.addDevice(NIC, "0000:01:00.0");
        assertEquals(TranslationOutcome.ABORTED, staleWrite(iova).outcome(), "disable_bypass: an abort STE");
        assertFalse(out.eventRecorded(), "EVENTQEN is off: no record");
    }

    @Test
    void kdumpAdoptKeepsTranslationOnAndTheOldMappingUntilTheDriverAttaches() {
        long iova = kernel1Maps();
        ArmSmmuV3Driver d = probe(kernel("kdump", "6.12.0", true), SmmuDriverPolicy.KDUMP_ADOPT);
        assertTrue(d.probed() && d.adoptedTable());
        assertEquals(-1, d.summary().bypassStartNs(), "SMMUEN never cleared");
        d.addDevice(NIC, "0000:01:00.0");
        assertTrue(d.isAttachDeferred(NIC));
        assertEquals(TranslationOutcome.TRANSLATED, staleWrite(iova).outcome(), "stale DMA lands where kernel #1 meant");
        assertEquals(BUFFER, out.physicalAddress());
    }

    @Test
    void freshTablesNoResetInvalidatesEverySteInPlace() {
        long iova = kernel1Maps();
        ArmSmmuV3Driver d = probe(kernel("kdump", "4.16.0", true), SmmuDriverPolicy.FRESH_TABLES_NO_RESET);
        assertTrue(d.probed());
        assertEquals(-1, d.summary().bypassStartNs());
        assertEquals(CR0_SMMUEN, smmu.readl(CR0ACK) & CR0_SMMUEN);
        Translation t = staleWrite(iova);
        assertEquals(TranslationOutcome.ABORTED, t.outcome());
        assertEquals(EventId.C_BAD_STE, t.eventId(), "an invalid STE, recorded (the event queue stays on)");
        assertTrue(t.eventRecorded());
    }
}
