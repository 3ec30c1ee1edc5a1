package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.DescriptorRing;
import dev.kdumpsim.pcie.dma.ReceiveBufferRing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResetTest {

    static final long MS = 1_000_000L;

    static void flr(Rig rig, EndpointFunction f) {
        int ctl = rig.rc.configRead(f.bdf(), PciRegs.EXP_DEVCTL, 2);
        rig.rc.configWrite(f.bdf(), PciRegs.EXP_DEVCTL, 2, ctl | PciRegs.EXP_DEVCTL_BCR_FLR);
    }

    @Test
    void aerStatusIsStickyAcrossFlrWhileCommandBarsAndDmaAreCleared() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withAbortedReadResponse(AbortedReadResponse.NO_COMPLETION));
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic").withCompletionTimeoutNs(10_000));
        rig.enable(f);
        rig.rc.configWrite(f.bdf(), PciRegs.BASE_ADDRESS_0, 4, 0xe000_0000);
        rig.rc.configWrite(f.bdf(), PciRegs.ERR_UNCOR_SEVER, 4, 0x00062011);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 4, 64, 1_000_000));
        rig.sim.runUntil(2 * MS);
        assertEquals(1 << PciRegs.UNC_COMP_TIME, rig.aerStatus(f));
        flr(rig, f);
        assertTrue(f.isFlrInProgress());
        assertEquals(0xffffffff, rig.rc.configRead(f.bdf(), PciRegs.COMMAND, 4), "requests discarded during FLR");
        rig.sim.runUntil(rig.sim.now() + f.params().flrCompletionNs());
        assertTrue(f.isReady());
        assertEquals(1 << PciRegs.UNC_COMP_TIME, rig.aerStatus(f));
        assertEquals(0x00062011, rig.rc.configRead(f.bdf(), PciRegs.ERR_UNCOR_SEVER, 4));
        assertEquals(0, rig.rc.configRead(f.bdf(), PciRegs.COMMAND, 2) & 0x6);
        assertEquals(0x4, rig.rc.configRead(f.bdf(), PciRegs.BASE_ADDRESS_0, 4), "BAR cleared");
        assertFalse(f.isDmaActive());
        long issued = rig.rc.issuedCount();
        rig.sim.runUntil(rig.sim.now() + 10 * MS);
        assertEquals(issued, rig.rc.issuedCount(), "old DMA stopped until the driver reprograms it");
        // software clears the RW1C status
        rig.rc.configWrite(f.bdf(), PciRegs.ERR_UNCOR_STATUS, 4, 0xffffffff);
        assertEquals(0, rig.aerStatus(f));
    }

    @Test
    void flrDiscardsRequestsStillInsideTheFunction() {
        Rig rig = new Rig();
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic").withUpstreamLatencyNs(10_000));
        rig.enable(f);
        f.postReceiveBuffers(new ReceiveBufferRing(0x2000_0000L, 8, 64, 64, 8, 1_000));
        rig.sim.runUntil(5_500);
        assertEquals(5, f.inFlight());
        flr(rig, f);
        rig.sim.run();
        assertEquals(5, rig.rc.fateCount(DmaFate.DISCARDED_RESET));
        assertEquals(0, rig.rc.fateCount(DmaFate.TRANSLATED));
        rig.assertLedgerBalanced();
        assertEquals(0, rig.rc.inFlightCount());
    }

    @Test
    void hotResetDiscardsInFlightWritesBelowTheBridgeOnly() {
        Rig rig = new Rig();
        PcieBridge rpA = rig.rc.addRootPort(1, 1);
        PcieBridge rpB = rig.rc.addRootPort(2, 2);
        rig.rc.enableAllBridges();
        EndpointParams p = EndpointParams.defaults("nic").withUpstreamLatencyNs(10_000);
        EndpointFunction a = rpA.attachEndpoint(p).function(0);
        EndpointFunction b = rpB.attachEndpoint(p).function(0);
        for (EndpointFunction f : List.of(a, b)) {
            rig.enable(f);
            f.postReceiveBuffers(new ReceiveBufferRing(0x2000_0000L, 8, 64, 64, 4, 1_000));
        }
        rig.sim.runUntil(4_500);
        List<DmaFate> fatesB = new ArrayList<>();
        rig.rc.addObserver((t, rid, sid, w, ad, len, fate, pa, r, ev) -> {
            if (rid == b.bdf()) {
                fatesB.add(fate);
            }
        });
        int bc = rig.rc.configRead(rpA.bdf(), PciRegs.BRIDGE_CONTROL, 2);
        rig.rc.configWrite(rpA.bdf(), PciRegs.BRIDGE_CONTROL, 2, bc | PciRegs.BRIDGE_CTL_BUS_RESET);
        assertFalse(rpA.isLinkActive());
        assertEquals(0, rig.rc.configRead(rpA.bdf(), PciRegs.EXP_LNKSTA, 2) & PciRegs.EXP_LNKSTA_DLLLA);
        assertEquals(0xffff, rig.rc.configRead(a.bdf(), PciRegs.VENDOR_ID, 2), "nothing answers below a down link");
        rig.sim.runUntil(rig.sim.now() + 2 * MS);
        rig.rc.configWrite(rpA.bdf(), PciRegs.BRIDGE_CONTROL, 2, bc);
        rig.sim.run();
        assertEquals(4, rig.rc.fateCount(DmaFate.DISCARDED_LINK_DOWN));
        assertEquals(List.of(DmaFate.TRANSLATED, DmaFate.TRANSLATED, DmaFate.TRANSLATED, DmaFate.TRANSLATED), fatesB);
        assertTrue(rpA.isLinkActive());
        assertTrue(a.isReady());
        assertEquals(0, rig.rc.configRead(a.bdf(), PciRegs.COMMAND, 2), "BME/MSE cleared by hot reset");
        rig.assertLedgerBalanced();
    }

    @Test
    void hotResetOfRootPortResetsSwitchPortsBelowSoTheyStopForwarding() {
        Rig rig = new Rig();
        PcieBridge rp = rig.rc.addRootPort(1, 1);
        PcieBridge usp = rp.addSwitchUpstreamPort(2);
        PcieBridge dsp = usp.addDownstreamPort(0, 3);
        EndpointFunction f = dsp.attachEndpoint(EndpointParams.defaults("hba")).function(0);
        rig.rc.enableAllBridges();
        assertNotNull(rig.rc.function(Bdf.of(3, 0, 0)));
        rig.enable(f);
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 4, 64, 10_000));
        rig.sim.runUntil(15_000);
        assertEquals(1, rig.rc.fateCount(DmaFate.TRANSLATED));
        assertTrue(rig.rc.configRead(dsp.bdf(), PciRegs.COMMAND, 2) != 0);
        int bc = rig.rc.configRead(rp.bdf(), PciRegs.BRIDGE_CONTROL, 2);
        rig.rc.configWrite(rp.bdf(), PciRegs.BRIDGE_CONTROL, 2, bc | PciRegs.BRIDGE_CTL_BUS_RESET);
        rig.rc.configWrite(rp.bdf(), PciRegs.BRIDGE_CONTROL, 2, bc);
        rig.sim.runUntil(rig.sim.now() + 100 * MS);
        assertTrue(f.isReady());
        assertEquals(0, rig.rc.configRead(dsp.bdf(), PciRegs.COMMAND, 2), "switch port Command reset");
        rig.enable(f); // driver re-enables the endpoint but nobody restored the switch ports
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 4, 64, 10_000));
        rig.sim.runUntil(rig.sim.now() + 15_000);
        assertEquals(1, rig.rc.fateCount(DmaFate.BLOCKED_BME));
    }

    @Test
    void linuxFlrSequenceWaitsForPendingTransactionsThen100msThenPolls() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withAbortedReadResponse(AbortedReadResponse.NO_COMPLETION));
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic").withCompletionTimeoutNs(5_000 * MS));
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 4, 64, 1_000));
        rig.sim.runUntil(1 * MS);
        List<LinuxResetSequence.Outcome> out = new ArrayList<>();
        long start = rig.sim.now();
        LinuxResetSequence.flr(rig.rc, f.bdf(), out::add);
        rig.sim.runUntil(() -> !out.isEmpty());
        LinuxResetSequence.Outcome o = out.get(0);
        assertTrue(o.pendingTimedOut(), "reads never complete: Transactions Pending stays set");
        assertTrue(o.ready());
        // 0 + 100 + 200 + 400 ms of TRPND polls, then 100 ms, then the device (10 ms FLR) is ready
        assertEquals(start + 800 * MS, o.endNs());
        assertEquals(0, f.outstandingReads());
    }

    @Test
    void linuxSbrSequenceV419SleepsOneSecondAndV6WaitsForLinkActive() {
        for (SbrWaitPolicy policy : SbrWaitPolicy.values()) {
            Rig rig = new Rig();
            EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
            PcieBridge rp = rig.rc.rootPorts().get(0);
            List<LinuxResetSequence.Outcome> out = new ArrayList<>();
            LinuxResetSequence.secondaryBusReset(rig.rc, rp.bdf(), f.bdf(), policy, out::add);
            rig.sim.runUntil(() -> !out.isEmpty());
            long end = out.get(0).endNs();
            if (policy == SbrWaitPolicy.V4_19_SSLEEP_1S) {
                assertEquals((2 + 1000) * MS, end);
            } else {
                // link trains 20 ms after deassert (at 2 ms): seen at the 20 ms poll, +100 ms, device ready at 32 ms
                assertEquals((2 + 20 + 100) * MS, end);
            }
            assertTrue(out.get(0).ready());
        }
    }
}
