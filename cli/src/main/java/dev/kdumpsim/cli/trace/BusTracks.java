package dev.kdumpsim.cli.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kdumpsim.core.TraceCounter;
import dev.kdumpsim.core.TraceInstant;
import dev.kdumpsim.core.TraceRecord;
import dev.kdumpsim.core.TraceSpan;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace bus's records as Trace Event Format events in one process: each
 * {@link TraceRecord#traceTrack()} is a thread (ids in order of first appearance, so a run writes
 * the same bytes every time); a {@link TraceSpan} is a complete event, a {@link TraceInstant} an
 * instant, any other record an instant whose {@code args} are its record components. A
 * {@link TraceCounter} is a counter event named by its track carrying every series of that track
 * with its latest value (counters set at one instant are written as one event), so viewers that
 * read a missing series as zero still draw each one correctly.
 */
final class BusTracks {

    private final JsonGenerator g;
    private final int pid;
    private final Map<String, Integer> tids = new HashMap<>(); // looked up only, never iterated
    private final Map<String, Map<String, Long>> series = new HashMap<>();
    private final Map<Class<?>, RecordComponent[]> components = new HashMap<>();

    BusTracks(JsonGenerator g, int pid) {
        this.g = g;
        this.pid = pid;
    }

    void write(List<TraceRecord> records) throws IOException {
        for (int i = 0; i < records.size(); i++) {
            TraceRecord r = records.get(i);
            if (r instanceof TraceCounter c) {
                Map<String, Long> values = series.computeIfAbsent(c.track(), k -> new LinkedHashMap<>());
                values.put(c.name(), c.value());
                if (!sameCounterInstant(c, records, i + 1)) {
                    counter(c.track(), c.timeNs(), values);
                }
            } else if (r instanceof TraceSpan s) {
                ChromeTrace.complete(g, pid, tid(s.track()), s.name(), s.timeNs(), s.durationNs());
            } else {
                int tid = tid(r.traceTrack());
                ChromeTrace.instant(g, pid, tid, r.traceName(), r.timeNs(), r instanceof TraceInstant ? Map.of() : args(r));
            }
        }
    }

    /** The next record sets another series of the same counter at the same time. */
    private static boolean sameCounterInstant(TraceCounter c, List<TraceRecord> records, int next) {
        return next < records.size() && records.get(next) instanceof TraceCounter n && n.timeNs() == c.timeNs()
                && n.track().equals(c.track());
    }

    private void counter(String name, long ns, Map<String, Long> values) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "C");
        g.writeStringField("name", name);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", 0);
        g.writeNumberField("ts", ChromeTrace.micros(ns));
        g.writeObjectFieldStart("args");
        for (var e : values.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private int tid(String track) throws IOException {
        Integer t = tids.get(track);
        if (t == null) {
            t = tids.size() + 1;
            tids.put(track, t);
            ChromeTrace.thread(g, pid, t, track);
        }
        return t;
    }

    /** A record's components but its time, as text ({@code TreeMap} order in the instant). */
    private Map<String, String> args(TraceRecord r) {
        RecordComponent[] rc = components.computeIfAbsent(r.getClass(),
                c -> c.isRecord() ? c.getRecordComponents() : new RecordComponent[0]);
        Map<String, String> a = new HashMap<>();
        for (RecordComponent c : rc) {
            if (c.getName().equals("timeNs")) {
                continue;
            }
            try {
                Object v = c.getAccessor().invoke(r);
                a.put(c.getName(), v instanceof Long l && c.getName().toLowerCase(java.util.Locale.ROOT).contains("address")
                        ? "0x" + Long.toHexString(l) : String.valueOf(v));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("trace record " + r.getClass().getName() + " unreadable", e);
            }
        }
        return a;
    }
}
