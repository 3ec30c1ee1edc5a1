package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.DmaPort;
import dev.kdumpsim.pcie.dma.ReceiveBufferRing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An endpoint below a switch (Root Port -> Upstream Port -> Downstream Ports): config and DMA
 * routing through both ports, and a hot reset issued at one Downstream Port (PCIe r5.0 §6.6.1,
 * PCI-to-PCI Bridge Architecture 1.2 §3.2.5.18) with Linux's timing.
 */
class SwitchTest {

    static final long MS = 1_000_000L;

    /** 00:01.0 -> [01:00.0 upstream, internal bus 2] -> 02:00.0 (bus 3) and 02:01.0 (bus 4). */
    static final class Fabric {
        final Rig rig = new Rig();
        final PcieBridge rp = rig.rc.addRootPort(1, 1);
        final PcieBridge up = rp.addSwitchUpstreamPort(2);
        final PcieBridge dpA = up.addDownstreamPort(0, 3);
        final PcieBridge dpB = up.addDownstreamPort(1, 4);
        final List<DmaPathTest.Seen> seen = DmaPathTest.observe(rig.rc);
        final EndpointFunction a;
        final EndpointFunction b;

        Fabric(EndpointParams p) {
            a = dpA.attachEndpoint(p).function(0);
            b = dpB.attachEndpoint(p).function(0);
            rig.rc.enableAllBridges();
            rig.enable(a);
            rig.enable(b);
        }
    }

    static List<DmaPathTest.Seen> of(List<DmaPathTest.Seen> seen, EndpointFunction f) {
        List<DmaPathTest.Seen> l = new ArrayList<>();
        for (DmaPathTest.Seen s : seen) {
            if (s.rid() == f.bdf()) {
                l.add(s);
            }
        }
        return l;
    }

    @Test
    void configRequestsReachEachPortAndEndpointByBdf() {
        Fabric fab = new Fabric(EndpointParams.defaults("nvme"));
        RootComplex rc = fab.rig.rc;
        assertEquals(Bdf.of(3, 0, 0), fab.a.bdf());
        assertEquals(Bdf.of(4, 0, 0), fab.b.bdf());
        assertEquals(PciRegs.EXP_TYPE_UPSTREAM, (rc.configRead(fab.up.bdf(), PciRegs.EXP_FLAGS, 2) >>> 4) & 0xf);
        assertEquals(PciRegs.EXP_TYPE_DOWNSTREAM, (rc.configRead(fab.dpA.bdf(), PciRegs.EXP_FLAGS, 2) >>> 4) & 0xf);
        assertEquals(2, rc.configRead(fab.up.bdf(), PciRegs.SECONDARY_BUS, 1));
        assertEquals(3, rc.configRead(fab.dpA.bdf(), PciRegs.SECONDARY_BUS, 1));
        assertEquals(0x1af4, rc.configRead(fab.a.bdf(), PciRegs.VENDOR_ID, 2));
        assertEquals(0x1af4, rc.configRead(fab.b.bdf(), PciRegs.VENDOR_ID, 2));
        assertEquals(0xffff, rc.configRead(Bdf.of(5, 0, 0), PciRegs.VENDOR_ID, 2), "no device: master abort");
        rc.configWrite(fab.a.bdf(), PciRegs.BASE_ADDRESS_0, 4, 0xe000_0000);
        assertEquals(0xe000_0004, rc.configRead(fab.a.bdf(), PciRegs.BASE_ADDRESS_0, 4));
        assertEquals(0x4, rc.configRead(fab.b.bdf(), PciRegs.BASE_ADDRESS_0, 4), "the write reached only 03:00.0");
    }

    @Test
    void dmaFromBelowTheSwitchCarriesItsRequesterIdAndNeedsBusMasterOnEveryPortAbove() {
        Fabric fab = new Fabric(EndpointParams.defaults("nvme"));
        List<DmaPathTest.Seen> seen = fab.seen;
        assertEquals(DmaPort.ISSUED, fab.a.issueWrite(0x1000_0000L, 64, 1));
        assertEquals(DmaPort.ISSUED, fab.b.issueWrite(0x1000_1000L, 64, 1));
        fab.rig.sim.run();
        assertEquals(DmaFate.TRANSLATED, of(seen, fab.a).get(0).fate());
        assertEquals(0x300, of(seen, fab.a).get(0).sid(), "StreamID = Requester ID 03:00.0");
        assertEquals(0x400, of(seen, fab.b).get(0).sid());
        assertEquals(fab.a.agentId(), fab.rig.mem.pageStats(0x1000_0000L).lastWriter());

        // BME off at 02:00.0: only the device below it is cut off; its read gets UR from that port
        clearBme(fab.rig.rc, fab.dpA);
        fab.a.issueWrite(0x1000_0000L, 64, 2);
        fab.b.issueWrite(0x1000_1000L, 64, 2);
        fab.a.issueRead(0x1000_0000L, 64);
        fab.rig.sim.run();
        assertEquals(List.of(DmaFate.TRANSLATED, DmaFate.BLOCKED_BME, DmaFate.BLOCKED_BME),
                of(seen, fab.a).stream().map(DmaPathTest.Seen::fate).toList());
        assertEquals(DmaFate.TRANSLATED, of(seen, fab.b).get(1).fate());
        assertTrue((fab.rig.rc.configRead(fab.a.bdf(), PciRegs.STATUS, 2) & PciRegs.STATUS_REC_MASTER_ABORT) != 0,
                "UR completion from the Downstream Port (PCIe r5.0 §7.5.1.1.3)");

        // BME off at the Upstream Port: nothing below the switch reaches the root complex
        clearBme(fab.rig.rc, fab.up);
        fab.b.issueWrite(0x1000_1000L, 64, 3);
        fab.rig.sim.run();
        assertEquals(DmaFate.BLOCKED_BME, of(seen, fab.b).get(2).fate());
        fab.rig.assertLedgerBalanced();
    }

    @Test
    void hotResetAtADownstreamPortResetsOnlyTheDeviceBelowItWithLinuxV6Timing() {
        EndpointParams p = EndpointParams.defaults("nvme").withUpstreamLatencyNs(10_000);
        Fabric fab = new Fabric(p);
        RootComplex rc = fab.rig.rc;
        rc.configWrite(fab.a.bdf(), PciRegs.ERR_UNCOR_SEVER, 4, 0x00062011);
        rc.configWrite(fab.b.bdf(), PciRegs.BASE_ADDRESS_0, 4, 0xe000_0000);
        for (EndpointFunction f : List.of(fab.a, fab.b)) {
            f.postReceiveBuffers(new ReceiveBufferRing(0x2000_0000L, 8, 64, 64, 8, 1_000));
        }
        fab.rig.sim.runUntil(4_500); // four writes of each device on their way
        List<LinuxResetSequence.Outcome> out = new ArrayList<>();
        long start = fab.rig.sim.now();
        LinuxResetSequence.secondaryBusReset(rc, fab.dpA, SbrWaitPolicy.V6_LINK_ACTIVE_WAIT, out::add);
        assertFalse(fab.dpA.isLinkActive());
        assertEquals(0xffff, rc.configRead(fab.a.bdf(), PciRegs.VENDOR_ID, 2), "below the reset link");
        assertEquals(0x1af4, rc.configRead(fab.b.bdf(), PciRegs.VENDOR_ID, 2), "the sibling still answers");
        fab.rig.sim.runUntil(() -> !out.isEmpty());

        LinuxResetSequence.Outcome o = out.get(0);
        assertTrue(o.ready());
        // SBR held 2 ms; link trains 20 ms after deassert, seen by the 10 ms poll; +100 ms; 03:00.0 ready by then
        assertEquals(start + (2 + 20 + 100) * MS, o.endNs());
        assertEquals(4, rc.fateCount(DmaFate.DISCARDED_LINK_DOWN), "03:00.0's in-flight writes were lost");
        assertEquals(0, rc.configRead(fab.a.bdf(), PciRegs.COMMAND, 2), "03:00.0 took a Conventional Reset");
        assertEquals(0x00062011, rc.configRead(fab.a.bdf(), PciRegs.ERR_UNCOR_SEVER, 4), "sticky AER kept");
        assertFalse(fab.a.isDmaActive());
        // the sibling, the Downstream Port that was reset and the Upstream Port keep their state
        assertEquals(PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER, rc.configRead(fab.b.bdf(), PciRegs.COMMAND, 2));
        assertEquals(0xe000_0004, rc.configRead(fab.b.bdf(), PciRegs.BASE_ADDRESS_0, 4));
        assertEquals(8, countFate(fab, fab.b, DmaFate.TRANSLATED), "all eight of 04:00.0's writes landed");
        assertTrue(fab.dpA.forwardsUpstream(), "the port's own Command is not reset by its SBR");
        assertTrue(fab.up.forwardsUpstream());
        fab.rig.assertLedgerBalanced();
        assertEquals(0, countFate(fab, fab.a, DmaFate.TRANSLATED));
        // the driver re-enables 03:00.0 and its DMA flows through the switch again
        fab.rig.enable(fab.a);
        fab.a.issueWrite(0x1000_0000L, 64, 9);
        fab.rig.sim.run();
        assertEquals(1, countFate(fab, fab.a, DmaFate.TRANSLATED));
    }

    @Test
    void hotResetAtADownstreamPortWithV419TimingSleepsOneSecond() {
        Fabric fab = new Fabric(EndpointParams.defaults("nvme"));
        List<LinuxResetSequence.Outcome> out = new ArrayList<>();
        LinuxResetSequence.secondaryBusReset(fab.rig.rc, fab.dpB, SbrWaitPolicy.V4_19_SSLEEP_1S, out::add);
        fab.rig.sim.runUntil(() -> !out.isEmpty());
        assertEquals((2 + 1000) * MS, out.get(0).endNs());
        assertTrue(out.get(0).ready());
        assertEquals(0, fab.rig.rc.configRead(fab.b.bdf(), PciRegs.COMMAND, 2));
        assertEquals(PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER, fab.rig.rc.configRead(fab.a.bdf(), PciRegs.COMMAND, 2));
    }

    private static long countFate(Fabric fab, EndpointFunction f, DmaFate fate) {
        return of(fab.seen, f).stream().filter(x -> x.fate() == fate).count();
    }

    private static void clearBme(RootComplex rc, PcieBridge port) {
        int c = rc.configRead(port.bdf(), PciRegs.COMMAND, 2);
        rc.configWrite(port.bdf(), PciRegs.COMMAND, 2, c & ~PciRegs.COMMAND_MASTER);
    }
}
