package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.ReceiveBufferRing;
import dev.kdumpsim.pcie.tlp.CompletionStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One transaction record carried from the requester to the observers. */
class DmaTransactionTest {

    static List<DmaTransaction> record(RootComplex rc) {
        List<DmaTransaction> l = new ArrayList<>();
        rc.addTransactionObserver(t -> l.add(t.copy()));
        return l;
    }

    @Test
    void theRecordCarriesWhatTheTenArgumentObserverSeesForEveryFate() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withRequesterIdMap(new RequesterIdMap(0x100, 0x100, 0x8000)));
        List<DmaPathTest.Seen> old = DmaPathTest.observe(rig.rc);
        List<DmaTransaction> neu = record(rig.rc);
        rig.iommu.offset = 0x1000_0000L;
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic").withUpstreamLatencyNs(10_000));
        rig.enable(f);
        f.issueWrite(0x2000_0000L, 64, 1); // translated
        f.issueRead(0x2000_1000L, 64);
        rig.sim.run();
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.issueRead(0x2000_2000L, 64); // aborted with event, CA
        rig.sim.run();
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_SILENT;
        f.issueWrite(0x2000_3000L, 8, 2);
        rig.sim.run();
        f.postReceiveBuffers(new ReceiveBufferRing(0x2000_0000L, 4, 64, 64, 2, 1_000));
        rig.sim.runUntil(rig.sim.now() + 2_500);
        ResetTest.flr(rig, f); // two writes discarded inside the function
        rig.sim.run();
        rig.sim.runUntil(rig.sim.now() + f.params().flrCompletionNs());
        f.issueWrite(0x2000_4000L, 8, 3); // BME cleared by the FLR: blocked at the function
        rig.sim.run();

        assertEquals(old.size(), neu.size());
        assertEquals(7, neu.size());
        for (int i = 0; i < old.size(); i++) {
            DmaPathTest.Seen o = old.get(i);
            DmaTransaction n = neu.get(i);
            assertEquals(o, new DmaPathTest.Seen(n.timeNs(), n.requesterId(), n.streamId(), n.isWrite(), n.iova(),
                    n.length(), n.fate(), n.physicalAddress(), n.region(), n.eventId()), "transaction " + i);
        }
        assertEquals(List.of(DmaFate.TRANSLATED, DmaFate.TRANSLATED, DmaFate.ABORTED_WITH_EVENT, DmaFate.ABORTED_SILENT,
                DmaFate.DISCARDED_RESET, DmaFate.DISCARDED_RESET, DmaFate.BLOCKED_BME),
                neu.stream().map(DmaTransaction::fate).toList());
        assertEquals(0x8000, neu.get(0).streamId(), "IORT mapping 0x100 -> 0x8000, computed once");
        assertEquals(0x3000_0000L, neu.get(0).physicalAddress());
        assertSame(rig.mem.region("ram"), neu.get(0).region());
        assertEquals(0x02, neu.get(2).eventId());
        assertEquals(-1, neu.get(2).physicalAddress());
    }

    @Test
    void completionStatusIsWhatTheRequesterGets() {
        Rig rig = new Rig();
        List<DmaTransaction> seen = record(rig.rc);
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        f.issueRead(0x1000L, 64);
        f.issueWrite(0x2000L, 64, 0);
        rig.sim.run();
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_EVENT;
        f.issueRead(0x3000L, 64); // REPORT_2018: Completer Abort
        rig.sim.run();
        PcieBridge rp = f.device().upstreamPort();
        rig.rc.configWrite(rp.bdf(), PciRegs.COMMAND, 2, PciRegs.COMMAND_MEMORY); // root port BME off
        f.issueRead(0x4000L, 64); // UR from the root port (PCIe r5.0 §7.5.1.1.3)
        rig.sim.run();
        rig.clearBme(f);
        f.issueRead(0x5000L, 64); // never leaves the function
        assertEquals(CompletionStatus.SC, seen.get(0).completion());
        assertNull(seen.get(1).completion(), "posted write");
        assertEquals(CompletionStatus.CA, seen.get(2).completion());
        assertEquals(DmaFate.BLOCKED_BME, seen.get(3).fate());
        assertEquals(CompletionStatus.UR, seen.get(3).completion());
        assertEquals(DmaFate.BLOCKED_BME, seen.get(4).fate());
        assertNull(seen.get(4).completion());
    }

    @Test
    void anAbortThePlatformNeverAnswersHasNoCompletion() {
        Rig rig = new Rig(RootComplexParams.REPORT_2018.withAbortedReadResponse(AbortedReadResponse.NO_COMPLETION));
        List<DmaTransaction> seen = record(rig.rc);
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        rig.iommu.mode = ScriptedIommu.Mode.ABORT_SILENT;
        f.issueRead(0x1000L, 64);
        rig.sim.run();
        assertEquals(DmaFate.ABORTED_SILENT, seen.get(0).fate());
        assertNull(seen.get(0).completion());
        assertEquals(1, f.completionTimeouts());
    }

    @Test
    void oldAndNewObserversAreCalledInRegistrationOrder() {
        Rig rig = new Rig();
        List<String> calls = new ArrayList<>();
        rig.rc.addTransactionObserver(t -> calls.add("new1"));
        rig.rc.addObserver((t, rid, sid, w, a, len, fate, pa, region, ev) -> calls.add("old"));
        rig.rc.addTransactionObserver(t -> calls.add("new2"));
        EndpointFunction f = DmaPathTest.endpoint(rig, EndpointParams.defaults("nic"));
        rig.enable(f);
        f.issueWrite(0x1000L, 64, 0);
        rig.sim.run();
        assertEquals(List.of("new1", "old", "new2"), calls);
    }
}
