package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.pcie.aer.AerCapability;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.DescriptorRing;
import dev.kdumpsim.pcie.tlp.TlpHeader;
import org.junit.jupiter.api.Test;

class EndpointErrorProfileTest {

    /** The 2018 report's adapter 01:00.{0,1} under root port 00:01.0; function 1 polls 256-byte descriptors. */
    static EndpointDevice reportDevice(Rig rig, EndpointParams p) {
        PcieBridge rp = rig.rc.addRootPort(1, 1);
        rig.rc.enableAllBridges();
        EndpointDevice d = rp.attachEndpoint(p);
        for (EndpointFunction f : d.functions()) {
            rig.enable(f);
        }
        return d;
    }

    @Test
    void reportsSituationProducesItsAerStatusSeverityAndHeaderLogFromState() {
        Rig rig = new Rig();
        EndpointDevice d = reportDevice(rig, EndpointParams.report2018("qdf2400-nic"));
        EndpointFunction fn1 = d.function(1);
        // kernel #1: the first fetch (tag 0) is translated; then the SMMU is reset and aborts everything
        fn1.programDescriptorRing(new DescriptorRing(0xffff_f000L, 16, 256, 5_000));
        rig.sim.runUntil(() -> rig.iommu.calls >= 1);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        rig.sim.runUntil(20_000);

        EndpointFunction fn0 = d.function(0);
        assertEquals(0x00040000, rig.aerStatus(fn0));
        assertEquals(0x00062011, rig.rc.configRead(fn0.bdf(), PciRegs.ERR_UNCOR_SEVER, 4));
        assertEquals(0, rig.rc.configRead(fn0.bdf(), PciRegs.ERR_UNCOR_MASK, 4));
        int[] expected = {0x0a00a000, 0x00008100, 0x01010100, 0x00000000};
        assertArrayEquals(expected, AerCapability.headerLog(fn0.configSpace()));
        assertArrayEquals(expected, AerCapability.headerLog(fn1.configSpace()), "logged in all functions");
        assertEquals("01:00.1", Bdf.format(TlpHeader.decode(expected).requesterId()));
        assertEquals(PciRegs.UNC_MALF_TLP, rig.rc.configRead(fn0.bdf(), PciRegs.ERR_CAP, 4) & 0x1f);
        assertTrue(fn1.abortedCompletions() >= 2, "later aborts don't overwrite the locked header log");
        assertEquals(0x4, rig.rc.configRead(fn0.bdf(), PciRegs.EXP_DEVSTA, 2) & 0x6, "Fatal Error Detected (severity)");
    }

    @Test
    void headerLogFollowsTheRequestStateNotConstants() {
        Rig rig = new Rig(new RootComplexParams(Bdf.of(0, 1, 0), AbortedReadResponse.UNSUPPORTED_REQUEST, false, 200,
                true, RequesterIdMap.IDENTITY));
        EndpointDevice d = reportDevice(rig, EndpointParams.report2018("nic"));
        d.function(0).programDescriptorRing(new DescriptorRing(0x1234_5640L, 4, 64, 5_000));
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        rig.sim.runUntil(8_000);
        TlpHeader h = TlpHeader.decode(AerCapability.headerLog(d.function(1).configSpace()));
        assertEquals("UR", h.toJsonFields().get("status"));
        assertEquals("00:01.0", h.toJsonFields().get("completerId"));
        assertEquals("01:00.0", h.toJsonFields().get("requesterId"));
        assertEquals(64, h.byteCount());
        assertEquals(0x40, h.lowerAddress());
        assertFalse(h.td());
        assertEquals(0, h.tag());
    }

    @Test
    void mfdErrorLoggingChoosesWhichFunctionsLog() {
        for (MfdErrorLogging m : MfdErrorLogging.values()) {
            Rig rig = new Rig();
            EndpointDevice d = reportDevice(rig, EndpointParams.report2018("nic").withMfdErrorLogging(m));
            d.function(1).programDescriptorRing(new DescriptorRing(0x4000_0000L, 4, 256, 5_000));
            rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
            rig.sim.runUntil(7_000);
            int s0 = rig.aerStatus(d.function(0));
            int s1 = rig.aerStatus(d.function(1));
            assertEquals(m != MfdErrorLogging.RECEIVING_FUNCTION ? 0x40000 : 0, s0, m.name());
            assertEquals(m != MfdErrorLogging.FUNCTION_ZERO ? 0x40000 : 0, s1, m.name());
        }
    }

    @Test
    void maskedErrorSetsStatusButNotHeaderLog() {
        Rig rig = new Rig();
        EndpointDevice d = reportDevice(rig, EndpointParams.report2018("nic").withMfdErrorLogging(MfdErrorLogging.RECEIVING_FUNCTION));
        EndpointFunction f = d.function(0);
        rig.rc.configWrite(f.bdf(), PciRegs.ERR_UNCOR_MASK, 4, 1 << PciRegs.UNC_MALF_TLP);
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 4, 256, 5_000));
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        rig.sim.runUntil(7_000);
        assertEquals(0x40000, rig.aerStatus(f));
        assertArrayEquals(new int[4], AerCapability.headerLog(f.configSpace()));
    }

    @Test
    void wedgedDeviceIgnoresReinitialisationUntilFlr() {
        Rig rig = new Rig();
        EndpointDevice d = reportDevice(rig, EndpointParams.report2018("nic")
                .withErrorProfile(EndpointErrorProfile.DEFECTIVE_COMPLETION.withWedgeAfterErrors(3)));
        EndpointFunction f = d.function(1);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 4, 256, 5_000));
        rig.sim.runUntil(100_000);
        assertTrue(f.isWedged());
        assertTrue(d.isWedged());
        assertEquals(3, f.abortedCompletions(), "a wedged function stops DMA");
        assertFalse(f.isDmaActive());
        // the kdump driver tries to bring it up again: BME toggle and reprogramming are ignored
        rig.clearBme(f);
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.TRANSLATE;
        assertFalse(f.programDescriptorRing(new DescriptorRing(0x5000_0000L, 4, 256, 5_000)));
        rig.sim.runUntil(200_000);
        assertEquals(0, rig.rc.fateCount(DmaFate.TRANSLATED));
        // FLR recovers it; AER status stays (sticky)
        rig.rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL, 2, rig.rc.configRead(f.bdf(), PciRegs.EXP_DEVCTL, 2) | PciRegs.EXP_DEVCTL_BCR_FLR);
        rig.sim.runUntil(rig.sim.now() + f.params().flrCompletionNs());
        assertFalse(f.isWedged());
        assertEquals(0x40000, rig.aerStatus(f));
        rig.enable(f);
        assertTrue(f.programDescriptorRing(new DescriptorRing(0x5000_0000L, 4, 256, 5_000)));
        rig.sim.runUntil(rig.sim.now() + 20_000);
        assertTrue(rig.rc.fateCount(DmaFate.TRANSLATED) > 0);
    }

    @Test
    void normalProfileNeverWedgesAndProfilesAreNamed() {
        assertEquals(EndpointErrorProfile.NORMAL, EndpointErrorProfile.byName("normal"));
        assertEquals(EndpointErrorProfile.DEFECTIVE_COMPLETION, EndpointErrorProfile.byName("defective-completion"));
        assertThrows(IllegalArgumentException.class, () -> EndpointErrorProfile.byName("flaky"));
        Rig rig = new Rig();
        EndpointDevice d = reportDevice(rig, EndpointParams.defaults("nic"));
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        d.function(0).programDescriptorRing(new DescriptorRing(0x4000_0000L, 4, 256, 5_000));
        rig.sim.runUntil(1_000_000);
        assertFalse(d.isWedged());
        assertTrue(d.function(0).abortedCompletions() > 100);
    }
}
