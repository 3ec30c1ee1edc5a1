package dev.kdumpsim.core;

/**
 * A sampled value: series {@code name} of counter {@code track} is {@code value} from
 * {@code timeNs} on (queue depth, pending events, bytes written); build it only when
 * {@link Trace#enabled()}.
 */
public record TraceCounter(long timeNs, String track, String name, long value) implements TraceRecord {

    @Override
    public String traceTrack() {
        return track;
    }

    @Override
    public String traceName() {
        return name;
    }
}
