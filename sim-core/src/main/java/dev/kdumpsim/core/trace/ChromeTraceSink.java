package dev.kdumpsim.core.trace;

import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.TraceCounter;
import dev.kdumpsim.core.TraceInstant;
import dev.kdumpsim.core.TraceListener;
import dev.kdumpsim.core.TraceRecord;
import dev.kdumpsim.core.TraceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes trace records as a Chrome trace-event JSON file (Trace Event Format, the JSON Object
 * Format with {@code traceEvents} and {@code displayTimeUnit}), which chrome://tracing and
 * Perfetto's UI open.
 *
 * <p>Mapping: a {@link TraceSpan} is a complete event ({@code "ph":"X"}, {@code ts} and
 * {@code dur}); a {@link TraceCounter} is a counter event ({@code "C"}: counter
 * {@link TraceCounter#track()}, series {@link TraceCounter#name()}); any other record is a
 * thread-scoped instant ({@code "i"}) named {@link TraceRecord#traceName()} whose {@code args}
 * are its record components (all but {@code timeNs}). Each {@link TraceRecord#traceTrack()} is one
 * thread of one process, named by metadata events ({@code process_name}, {@code thread_name},
 * {@code thread_sort_index}) so every track has a name; thread ids are given in order of first
 * appearance, so the same run writes the same bytes.
 *
 * <p>Times: the format's {@code ts} is in microseconds; simulated nanoseconds are written exactly
 * as {@code micros.nnn}. Events are written as they arrive (a span when it ends), one per line.
 * The sink costs nothing until it is attached: emitters build records only while
 * {@link dev.kdumpsim.core.Trace#enabled()}. I/O errors surface as {@link UncheckedIOException}.
 */
public final class ChromeTraceSink implements TraceListener, AutoCloseable {

    private static final int PID = 1;

    private final Writer out;
    private final Map<String, Integer> tids = new HashMap<>(); // looked up only, never iterated
    private final Map<Class<?>, RecordComponent[]> argsOf = new HashMap<>();
    private final StringBuilder sb = new StringBuilder(256);
    private boolean closed;

    /** Starts the JSON document on {@code out}, naming the process {@code processName}. */
    public ChromeTraceSink(Writer out, String processName) {
        this.out = out;
        sb.append("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
        sb.append("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":").append(PID).append(",\"tid\":0,\"args\":{\"name\":");
        JsonText.quote(sb, processName);
        sb.append("}}");
        flushEvent();
    }

    /** A sink on {@code out} registered as a listener of {@code sim}'s trace bus. */
    public static ChromeTraceSink attach(Simulation sim, Writer out, String processName) {
        ChromeTraceSink sink = new ChromeTraceSink(out, processName);
        sim.trace().addListener(sink);
        return sink;
    }

    @Override
    public void onRecord(TraceRecord r) {
        if (closed) {
            throw new IllegalStateException("trace sink already closed");
        }
        if (r instanceof TraceCounter c) {
            sb.append(",\n{\"name\":");
            JsonText.quote(sb, c.track());
            sb.append(",\"ph\":\"C\",\"ts\":");
            micros(sb, c.timeNs());
            sb.append(",\"pid\":").append(PID).append(",\"args\":{");
            JsonText.quote(sb, c.name());
            sb.append(':').append(c.value()).append("}}");
            flushEvent();
            return;
        }
        int tid = tid(r.traceTrack());
        sb.append(",\n{\"name\":");
        JsonText.quote(sb, r.traceName());
        if (r instanceof TraceSpan s) {
            sb.append(",\"ph\":\"X\",\"ts\":");
            micros(sb, s.timeNs());
            sb.append(",\"dur\":");
            micros(sb, s.durationNs());
        } else {
            sb.append(",\"cat\":");
            JsonText.quote(sb, r.getClass().getSimpleName());
            sb.append(",\"ph\":\"i\",\"s\":\"t\",\"ts\":");
            micros(sb, r.timeNs());
        }
        sb.append(",\"pid\":").append(PID).append(",\"tid\":").append(tid);
        if (!(r instanceof TraceSpan) && !(r instanceof TraceInstant)) {
            appendArgs(r);
        }
        sb.append('}');
        flushEvent();
    }

    /** Ends the JSON document and flushes; the writer stays open (it is the caller's). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sb.append("\n]}\n");
        flushEvent();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Simulated nanoseconds as the format's microseconds, exactly: {@code 1234567} -> {@code 1234.567}. */
    static void micros(StringBuilder sb, long ns) {
        long us = ns / 1000;
        int frac = (int) Math.abs(ns % 1000);
        if (ns < 0 && us == 0) {
            sb.append('-');
        }
        sb.append(us).append('.');
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    private int tid(String track) {
        Integer t = tids.get(track);
        if (t != null) {
            return t;
        }
        int tid = tids.size() + 1;
        tids.put(track, tid);
        sb.append(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":").append(PID).append(",\"tid\":").append(tid)
                .append(",\"args\":{\"name\":");
        JsonText.quote(sb, track);
        sb.append("}},\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":").append(PID).append(",\"tid\":").append(tid)
                .append(",\"args\":{\"sort_index\":").append(tid).append("}}");
        return tid;
    }

    private void appendArgs(TraceRecord r) {
        RecordComponent[] comps = argsOf.computeIfAbsent(r.getClass(), c -> c.isRecord() ? c.getRecordComponents() : new RecordComponent[0]);
        if (comps.length == 0) {
            return;
        }
        sb.append(",\"args\":{");
        boolean first = true;
        for (RecordComponent rc : comps) {
            if (rc.getName().equals("timeNs")) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            JsonText.quote(sb, rc.getName());
            sb.append(':');
            Object v;
            try {
                rc.getAccessor().setAccessible(true);
                v = rc.getAccessor().invoke(r);
            } catch (ReflectiveOperationException | RuntimeException e) {
                v = "<unreadable: " + e.getClass().getSimpleName() + ">";
            }
            JsonValues.append(sb, v);
        }
        sb.append('}');
    }

    private void flushEvent() {
        try {
            out.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sb.setLength(0);
        }
    }
}
