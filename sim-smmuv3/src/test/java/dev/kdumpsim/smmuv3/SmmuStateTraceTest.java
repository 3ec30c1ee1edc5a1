package dev.kdumpsim.smmuv3;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.TraceCounter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SMMU's state counters on the trace bus: what CR0ACK and GBPA put in effect, and EVTQ depth. */
class SmmuStateTraceTest {

    private static List<String> record(SmmuTestBed t) {
        List<String> seen = new ArrayList<>();
        t.sim.trace().addListener(r -> {
            if (r instanceof TraceCounter c) {
                seen.add(c.track() + " " + c.name() + "=" + c.value());
            }
        });
        return seen;
    }

    @Test
    void cr0ackCountersFollowTheAcknowledgementNotTheWrite() {
        SmmuTestBed t = new SmmuTestBed();
        List<String> seen = record(t);
        t.smmu.writel(CR0, CR0_CMDQEN);
        assertTrue(seen.isEmpty(), "nothing is in effect before CR0ACK updates");
        t.settle();
        assertEquals(List.of("smmu0 CR0ACK SMMUEN=0", "smmu0 CR0ACK EVENTQEN=0", "smmu0 CR0ACK CMDQEN=1"), seen);
    }

    @Test
    void gbpaAbortAppearsWhenTheUpdateCompletes() {
        SmmuTestBed t = new SmmuTestBed();
        List<String> seen = record(t);
        t.smmu.writel(GBPA, GBPA_ABORT); // no Update bit: ignored (§6.3.14.1)
        t.settle();
        assertTrue(seen.isEmpty());
        t.smmu.writel(GBPA, GBPA_UPDATE | GBPA_ABORT);
        t.settle();
        assertEquals(List.of("smmu0 GBPA ABORT=1"), seen);
    }

    @Test
    void eventQueueDepthRisesPerRecordAndFallsWhenSoftwareConsumes() {
        SmmuTestBed t = EventQueueTest.bed(2, SmmuParameters.defaults(), 1);
        List<String> seen = record(t);
        for (int sid = 2; sid < 7; sid++) {
            t.translate(sid, 0, true); // the fifth finds the 4-entry queue full: lost, depth unchanged
        }
        t.smmu.writel(EVENTQ_CONS, 3);
        assertEquals(List.of("smmu0 EVTQ entries=1", "smmu0 EVTQ entries=2", "smmu0 EVTQ entries=3",
                "smmu0 EVTQ entries=4", "smmu0 EVTQ entries=1"), seen);
    }
}
