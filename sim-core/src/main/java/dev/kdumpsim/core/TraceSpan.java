package dev.kdumpsim.core;

/**
 * Something that lasted: from {@code timeNs} for {@code durationNs} on {@code track}. Emitted
 * when the span ends (build it only when {@link Trace#enabled()}).
 */
public record TraceSpan(long timeNs, long durationNs, String track, String name) implements TraceRecord {

    public TraceSpan {
        if (durationNs < 0) {
            throw new IllegalArgumentException("negative span duration: " + durationNs);
        }
    }

    @Override
    public String traceTrack() {
        return track;
    }

    @Override
    public String traceName() {
        return name;
    }
}
