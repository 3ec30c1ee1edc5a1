package dev.kdumpsim.core;

/** Receives every {@link TraceRecord} emitted on a {@link Trace}, in emission order. */
@FunctionalInterface
public interface TraceListener {

    void onRecord(TraceRecord record);
}
