package dev.kdumpsim.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The trace bus: components emit records, listeners (sinks, recorders, counters) receive them.
 *
 * <p>Emitters on hot paths check {@link #enabled()} before building a record, so a run with no
 * listener allocates nothing for tracing. Listeners run synchronously in registration order,
 * which keeps output deterministic.
 */
public final class Trace {

    private final List<TraceListener> listeners = new ArrayList<>();
    private TraceListener[] snapshot = new TraceListener[0];
    private boolean enabled; // a plain field: emitters test it on hot paths

    public void addListener(TraceListener listener) {
        listeners.add(listener);
        snapshot = listeners.toArray(new TraceListener[0]);
        enabled = true;
    }

    public void removeListener(TraceListener listener) {
        listeners.remove(listener);
        snapshot = listeners.toArray(new TraceListener[0]);
        enabled = snapshot.length != 0;
    }

    /** True when at least one listener is registered. */
    public boolean enabled() {
        return enabled;
    }

    public void emit(TraceRecord record) {
        for (TraceListener l : snapshot) {
            l.onRecord(record);
        }
    }
}
