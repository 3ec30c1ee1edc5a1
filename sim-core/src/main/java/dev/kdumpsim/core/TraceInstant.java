package dev.kdumpsim.core;

/** A moment on {@code track} (a doorbell, a reset, a verdict); build it only when {@link Trace#enabled()}. */
public record TraceInstant(long timeNs, String track, String name) implements TraceRecord {

    @Override
    public String traceTrack() {
        return track;
    }

    @Override
    public String traceName() {
        return name;
    }
}
