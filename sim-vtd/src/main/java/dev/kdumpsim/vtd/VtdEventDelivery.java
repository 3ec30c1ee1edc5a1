package dev.kdumpsim.vtd;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import java.util.Arrays;

/**
 * Delivers the unit's two interrupts (the fault event and the invalidation completion event) to
 * its {@link VtdInterruptListener}s from a scheduled simulation event, so a listener never runs
 * inside {@code translate} or an MMIO write and may itself read and write registers.
 */
final class VtdEventDelivery implements FaultRecorder.EventSink, InvalidationQueue.CompletionSink, EventHandler {

    private static final long FAULT_EVENT = 1;
    private static final long COMPLETION_EVENT = 2;

    private final Simulation sim;
    private VtdInterruptListener[] listeners = new VtdInterruptListener[0];

    VtdEventDelivery(Simulation sim) {
        this.sim = sim;
    }

    void addListener(VtdInterruptListener l) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = l;
    }

    @Override
    public void deliverFaultEvent() {
        sim.scheduleAfter(0, this, FAULT_EVENT);
    }

    @Override
    public void deliverInvalidationCompletionEvent() {
        sim.scheduleAfter(0, this, COMPLETION_EVENT);
    }

    @Override
    public void onEvent(long kind) {
        for (VtdInterruptListener l : listeners) {
            if (kind == FAULT_EVENT) {
                l.onFaultEvent();
            } else {
                l.onInvalidationCompletionEvent();
            }
        }
    }
}
