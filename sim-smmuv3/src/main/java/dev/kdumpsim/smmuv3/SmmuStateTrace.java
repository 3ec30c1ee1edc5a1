package dev.kdumpsim.smmuv3;

import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_CMDQEN;
import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_EVENTQEN;
import static dev.kdumpsim.smmuv3.SmmuRegisters.CR0_SMMUEN;
import static dev.kdumpsim.smmuv3.SmmuRegisters.GBPA_ABORT;

import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Trace;
import dev.kdumpsim.core.TraceCounter;

/**
 * The SMMU's state as trace counters, on three tracks per instance: CR0ACK's enables as the SMMU
 * acknowledges them (SMMUEN, EVENTQEN, CMDQEN: what is in effect, IHI0070 §6.3.10, not what
 * software wrote to CR0), GBPA.ABORT as the last completed update applies it to SMMUEN=0
 * traffic (§6.3.14), and the event queue's depth (PROD - CONS with the wrap bit, §7.2). Emitted
 * only while the trace bus has a listener, so a run without a trace builds no record.
 */
final class SmmuStateTrace {

    private final Simulation sim;
    private final String cr0ackTrack;
    private final String gbpaTrack;
    private final String eventQueueTrack;

    SmmuStateTrace(Simulation sim, String smmu) {
        this.sim = sim;
        this.cr0ackTrack = smmu + " CR0ACK";
        this.gbpaTrack = smmu + " GBPA";
        this.eventQueueTrack = smmu + " EVTQ";
    }

    void cr0ack(int value) {
        Trace t = sim.trace();
        if (t.enabled()) {
            t.emit(new TraceCounter(sim.now(), cr0ackTrack, "SMMUEN", bit(value, CR0_SMMUEN)));
            t.emit(new TraceCounter(sim.now(), cr0ackTrack, "EVENTQEN", bit(value, CR0_EVENTQEN)));
            t.emit(new TraceCounter(sim.now(), cr0ackTrack, "CMDQEN", bit(value, CR0_CMDQEN)));
        }
    }

    void gbpa(int effective) {
        if (sim.trace().enabled()) {
            sim.trace().emit(new TraceCounter(sim.now(), gbpaTrack, "ABORT", bit(effective, GBPA_ABORT)));
        }
    }

    void eventQueueDepth(SmmuEventQueue q) {
        if (sim.trace().enabled()) {
            sim.trace().emit(new TraceCounter(sim.now(), eventQueueTrack, "entries", q.depth()));
        }
    }

    private static long bit(int value, int mask) {
        return (value & mask) != 0 ? 1 : 0;
    }
}
