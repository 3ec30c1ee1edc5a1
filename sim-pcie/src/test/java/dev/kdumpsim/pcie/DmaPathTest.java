package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.MemoryRegion;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.CompletionRing;
import dev.kdumpsim.pcie.dma.DescriptorRing;
import dev.kdumpsim.pcie.dma.MsiMessage;
import dev.kdumpsim.pcie.dma.ReceiveBufferRing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmaPathTest {

    record Seen(long timeNs, int rid, int sid, boolean write, long address, int length, DmaFate fate, long pa,
            MemoryRegion region, int eventId) {
    }

    static List<Seen> observe(RootComplex rc) {
        List<Seen> l = new ArrayList<>();
        rc.addObserver((t, rid, sid, w, a, len, fate, pa, region, ev) -> l.add(new Seen(t, rid, sid, w, a, len, fate, pa,
                region, ev)));
        return l;
    }

    static EndpointFunction endpoint(Rig rig, EndpointParams p) {
        PcieBridge rp = rig.rc.addRootPort(1, 1);
        rig.rc.enableAllBridges();
        return rp.attachEndpoint(p).function(0);
    }

    @Test
    void writeGoesThroughIommuWithRequesterIdAsStreamIdToMemoryUnderTheFunctionsAgent() {
        Rig rig = new Rig();
        rig.iommu.offset = 0x1000_0000L;
        List<Seen> seen = observe(rig.rc);
        EndpointFunction f = endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        assertTrue(f.postReceiveBuffers(new ReceiveBufferRing(0x2000_0000L, 4, 256, 4096, 1, 1000)));
        rig.sim.run();
        assertEquals(1, seen.size());
        Seen s = seen.get(0);
        assertEquals(DmaFate.TRANSLATED, s.fate());
        assertEquals(0x100, s.sid());
        assertEquals(0x100, rig.iommu.lastStreamId);
        assertEquals(0x3000_0000L, s.pa());
        assertSame(rig.mem.region("ram"), s.region());
        assertEquals(f.agentId(), rig.mem.pageStats(0x3000_0000L).lastWriter());
        assertEquals(1000 + 500, s.timeNs());
    }

    @Test
    void requesterIdMapsToStreamIdWithIortOffset() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withRequesterIdMap(new RequesterIdMap(0x100, 0x100, 0x8000)));
        EndpointFunction f = endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        f.postReceiveBuffers(new ReceiveBufferRing(0x2000_0000L, 4, 64, 64, 1, 10));
        rig.sim.run();
        assertEquals(0x8000, rig.iommu.lastStreamId);
        assertEquals(0x20, new RequesterIdMap(0x100, 0x100, 0x8000).streamId(0x20));
        assertEquals(0x10100, RequesterIdMap.offset(0x10000).streamId(0x100));
    }

    @Test
    void abortedWriteIsDroppedAndClassifiedByEventVisibility() {
        Rig rig = new Rig();
        List<Seen> seen = observe(rig.rc);
        EndpointFunction f = endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.postReceiveBuffers(new ReceiveBufferRing(0x2000_0000L, 4, 64, 64, 2, 10));
        rig.sim.runUntil(515);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_SILENT;
        rig.sim.run();
        assertEquals(DmaFate.ABORTED_WITH_EVENT, seen.get(0).fate());
        assertEquals(2, seen.get(0).eventId());
        assertEquals(DmaFate.ABORTED_SILENT, seen.get(1).fate());
        assertNull(seen.get(1).region());
        assertEquals(0, rig.mem.touchedPageCount());
    }

    @Test
    void deviceKeepsConsumingPostedBuffersAfterDriverStopsRefillingThenStops() {
        Rig rig = new Rig();
        rig.iommu.mode = ScriptedIommu.Mode.BYPASS;
        EndpointFunction f = endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        f.postReceiveBuffers(new ReceiveBufferRing(0x2000_0000L, 16, 256, 256, 8, 1000));
        f.programCompletionRing(new CompletionRing(0x3000_0000L, 16, 16));
        f.programMsi(new MsiMessage(0x0800_0040L, 0x41, 4));
        rig.sim.runUntil(3_600);
        assertTrue(f.refillReceiveBuffers(2)); // driver refills once, then "crashes"
        rig.sim.run();
        // 10 buffers, 10 completion entries, 10/4 -> 2 MSIs
        assertEquals(22, rig.rc.fateCount(DmaFate.BYPASSED));
        assertEquals(0, f.postedBuffers());
        assertFalse(f.isDmaActive());
        rig.assertLedgerBalanced();
    }

    @Test
    void readCompletionArrivesAfterBusMasterWasCleared() {
        Rig rig = new Rig();
        EndpointFunction f = endpoint(rig, EndpointParams.defaults("nic").withUpstreamLatencyNs(1000));
        rig.enable(f);
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 8, 64, 10_000));
        rig.sim.runUntil(10_500); // fetch issued at 10 us, completion due at 10+1+0.01+0.2+1 us
        assertEquals(1, f.outstandingReads());
        rig.clearBme(f);
        assertEquals(PciRegs.EXP_DEVSTA_TRPND, rig.rc.configRead(f.bdf(), PciRegs.EXP_DEVSTA, 2) & PciRegs.EXP_DEVSTA_TRPND);
        rig.sim.runUntil(15_000);
        assertEquals(0, f.outstandingReads(), "completion of the earlier read still arrives");
        assertEquals(0, rig.aerStatus(f), "no completion timeout");
        rig.sim.runUntil(100_000);
        assertEquals(1, rig.rc.fateCount(DmaFate.TRANSLATED));
        assertEquals(1, rig.rc.fateCount(DmaFate.BLOCKED_BME), "the next fetch is blocked, then the engine stalls");
        // setting BME again resumes the stalled engine
        rig.enable(f);
        rig.sim.runUntil(125_000);
        assertTrue(rig.rc.fateCount(DmaFate.TRANSLATED) >= 2);
        rig.assertLedgerBalanced();
    }

    @Test
    void bridgeWithBusMasterClearRefusesUpstreamRequestsWithUnsupportedRequest() {
        Rig rig = new Rig();
        PcieBridge rp = rig.rc.addRootPort(1, 1);
        EndpointFunction f = rp.attachEndpoint(EndpointParams.defaults("nic")).function(0); // bridges left at BME=0
        rig.enable(f);
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 8, 64, 10_000));
        rig.sim.runUntil(15_000);
        assertEquals(1, rig.rc.fateCount(DmaFate.BLOCKED_BME));
        assertEquals(0, rig.iommu.calls);
        assertEquals(PciRegs.STATUS_REC_MASTER_ABORT,
                rig.rc.configRead(f.bdf(), PciRegs.STATUS, 2) & PciRegs.STATUS_REC_MASTER_ABORT);
    }

    @Test
    void abortedReadGetsCompleterAbortAndNormalDeviceSetsReceivedTargetAbort() {
        Rig rig = new Rig();
        EndpointFunction f = endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 8, 64, 10_000));
        rig.sim.runUntil(15_000);
        int status = rig.rc.configRead(f.bdf(), PciRegs.STATUS, 2);
        assertEquals(PciRegs.STATUS_REC_TARGET_ABORT, status & (PciRegs.STATUS_REC_TARGET_ABORT | PciRegs.STATUS_REC_MASTER_ABORT));
        assertEquals(0, rig.aerStatus(f));
        PcieBridge rp = rig.rc.rootPorts().get(0);
        assertEquals(1 << PciRegs.UNC_COMP_ABORT, rig.aerStatus(rp), "the completer logs CA");
        assertEquals(0x00000010, rig.rc.configRead(rp.bdf(), PciRegs.ERR_HEADER_LOG, 4)); // MRd, 16 DW
    }

    @Test
    void unsupportedRequestPlatformSetsReceivedMasterAbort() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withAbortedReadResponse(AbortedReadResponse.UNSUPPORTED_REQUEST));
        EndpointFunction f = endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_SILENT;
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 8, 64, 10_000));
        rig.sim.runUntil(15_000);
        assertEquals(PciRegs.STATUS_REC_MASTER_ABORT,
                rig.rc.configRead(f.bdf(), PciRegs.STATUS, 2) & (PciRegs.STATUS_REC_TARGET_ABORT | PciRegs.STATUS_REC_MASTER_ABORT));
    }

    @Test
    void platformThatNeverCompletesAbortedReadsCausesCompletionTimeout() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withAbortedReadResponse(AbortedReadResponse.NO_COMPLETION));
        EndpointFunction f = endpoint(rig, EndpointParams.defaults("nic").withCompletionTimeoutNs(1_000_000));
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 8, 64, 10_000_000));
        rig.sim.runUntil(10_500_000);
        assertEquals(1, f.outstandingReads());
        assertEquals(0, rig.aerStatus(f));
        rig.sim.runUntil(11_100_000);
        assertEquals(0, f.outstandingReads());
        assertEquals(1 << PciRegs.UNC_COMP_TIME, rig.aerStatus(f));
        assertEquals(1, f.completionTimeouts());
        assertEquals(PciRegs.UNC_COMP_TIME, rig.rc.configRead(f.bdf(), PciRegs.ERR_CAP, 4) & 0x1f);
    }

    @Test
    void readsStopWhenAllTagsAreOutstanding() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withAbortedReadResponse(AbortedReadResponse.NO_COMPLETION));
        EndpointParams p = EndpointParams.defaults("nic");
        p = new EndpointParams(p.name(), p.vendorId(), p.deviceId(), 1, true, 1_000_000_000L, 100, 4, 0,
                p.uncorrectableSeverity(), p.errorProfile(), p.mfdErrorLogging(), p.flrCompletionNs(), p.readyAfterLinkUpNs());
        EndpointFunction f = endpoint(rig, p);
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.programDescriptorRing(new DescriptorRing(0x4000_0000L, 8, 64, 1000));
        rig.sim.runUntil(100_000);
        assertEquals(4, f.outstandingReads());
        assertEquals(4, rig.rc.issuedCount());
    }
}
