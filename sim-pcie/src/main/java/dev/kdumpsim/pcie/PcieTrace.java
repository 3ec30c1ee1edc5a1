package dev.kdumpsim.pcie;

import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.TraceInstant;
import dev.kdumpsim.pcie.aer.ErrorMessage;

/**
 * The PCIe fabric's moments on the trace bus: each error Message a function sends (PCIe r5.0
 * §6.2.3.1; on the sender's "AER" track, before any port decides whether to forward it) and each
 * reset (Function Level Reset, §6.6.2; a port's Secondary Bus Reset asserted and released,
 * §7.5.1.3.13) on the "PCIe resets" track. Emitted only while the trace bus has a listener.
 */
final class PcieTrace {

    static final String RESETS = "PCIe resets";

    private PcieTrace() {
    }

    static void errorMessage(Simulation sim, int requesterId, ErrorMessage m) {
        if (sim.trace().enabled()) {
            sim.trace().emit(new TraceInstant(sim.now(), "AER " + Bdf.pciName(requesterId), m.name()));
        }
    }

    static void reset(Simulation sim, String what, int bdf) {
        if (sim.trace().enabled()) {
            sim.trace().emit(new TraceInstant(sim.now(), RESETS, what + " " + Bdf.pciName(bdf)));
        }
    }
}
