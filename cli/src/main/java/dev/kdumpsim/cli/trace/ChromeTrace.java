package dev.kdumpsim.cli.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kdumpsim.kernel.boot.BootPhase;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.machine.RunResult;
import dev.kdumpsim.kernel.verdict.Corruption;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code kdumpsim run FILE --trace FILE.json}: the run as Chrome trace-event JSON (the "JSON
 * Object Format" of the Trace Event Format document, which Perfetto's UI and trace processor and
 * chrome://tracing open). One process per thing, on the simulation clock in microseconds so both
 * kernels share one time axis: each kernel's boot phases (complete events) and log lines
 * (instants), the IOMMU's bypass window and the first stray write, and, per device, DMA
 * transactions by fate per millisecond (counters from the {@link FateCounters} attached to the run),
 * and what the hardware models put on the trace bus ({@link BusRecords}: IOMMU register state and
 * event-queue depth as counters, IOMMU events and faults, PCIe error Messages and resets as
 * instants). Built after the run from its result and those two listeners: nothing is collected
 * when no trace is asked for.
 */
public final class ChromeTrace {

    static final int PID_KERNEL1 = 1;
    static final int PID_KDUMP = 2;
    static final int PID_IOMMU = 3;
    static final int PID_DMA = 4;
    static final int PID_BUS = 5;

    private ChromeTrace() {
    }

    public static String render(ScenarioRunner.Outcome o, FateCounters counters, BusRecords bus) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            RunResult r = o.result();
            g.writeStartObject();
            g.writeStringField("displayTimeUnit", "ms");
            g.writeObjectFieldStart("otherData");
            g.writeStringField("scenario", o.scenario().name());
            g.writeNumberField("seed", o.scenario().seed());
            g.writeStringField("clock", "simulation time; each kernel's log clock starts at its boot");
            if (bus != null && bus.leftOut() > 0) {
                g.writeNumberField("busRecordsLeftOut", bus.leftOut());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("traceEvents");
            process(g, PID_KERNEL1, "kernel #1", 1);
            process(g, PID_KDUMP, "kdump kernel", 2);
            process(g, PID_IOMMU, "IOMMU", 3);
            process(g, PID_DMA, "DMA by device and fate", 4);
            if (bus != null) {
                process(g, PID_BUS, "IOMMU and PCIe state", 5);
            }
            thread(g, PID_KERNEL1, 1, "boot phases");
            thread(g, PID_KERNEL1, 2, "log");
            thread(g, PID_KDUMP, 1, "boot phases");
            thread(g, PID_KDUMP, 2, "log");
            thread(g, PID_IOMMU, 1, "bypass window");
            thread(g, PID_IOMMU, 2, "stray writes");
            var cfg = o.machine().config();
            phases(g, PID_KERNEL1, cfg.first().boot(), 0, r.panicNs());
            log(g, PID_KERNEL1, r.kernel1Log());
            instant(g, PID_KERNEL1, 2, "panic", r.panicNs(), Map.of());
            if (r.kdumpBootNs() >= 0) {
                phases(g, PID_KDUMP, cfg.kdump().boot(), r.kdumpBootNs(), r.endNs());
                log(g, PID_KDUMP, r.kdumpLog());
            }
            if (r.bypassWindow().size() == 2) {
                long s = r.bypassWindow().get(0);
                long e = r.bypassWindow().get(1) < 0 ? r.endNs() : r.bypassWindow().get(1);
                complete(g, PID_IOMMU, 1, "translation bypassed (reset window)", s, e - s);
            }
            Corruption c = r.verdict().firstCorruption();
            if (c != null) {
                instant(g, PID_IOMMU, 2, "first stray write", c.timeNs(), Map.of("device", Bdf.pciName(c.requesterId()),
                        "role", c.role(), "region", c.region(), "pa", String.format(java.util.Locale.ROOT, "0x%x",
                                c.physicalAddress()), "fate", c.fate().key()));
            }
            if (counters != null) {
                counters.write(g, PID_DMA);
            }
            if (bus != null) {
                new BusTracks(g, PID_BUS).write(bus.records());
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void phases(JsonGenerator g, int pid, BootTimeline t, long bootNs, long endNs) throws IOException {
        for (BootPhase p : t.phases()) {
            long s = bootNs + t.startNs(p.name());
            if (s >= endNs) {
                break;
            }
            long e = Math.min(bootNs + t.endNs(p.name()), endNs);
            complete(g, pid, 1, p.name(), s, e - s);
        }
    }

    private static void log(JsonGenerator g, int pid, Iterable<LogRecord> log) throws IOException {
        for (LogRecord r : log) {
            instant(g, pid, 2, r.text().length() > 60 ? r.text().substring(0, 60) : r.text(), r.timeNs(),
                    Map.of("line", r.line(), "level", r.level().name()));
        }
    }

    static void process(JsonGenerator g, int pid, String name, int sort) throws IOException {
        meta(g, pid, 0, "process_name", name);
        g.writeStartObject();
        g.writeStringField("ph", "M");
        g.writeStringField("name", "process_sort_index");
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", 0);
        g.writeObjectFieldStart("args");
        g.writeNumberField("sort_index", sort);
        g.writeEndObject();
        g.writeEndObject();
    }

    static void thread(JsonGenerator g, int pid, int tid, String name) throws IOException {
        meta(g, pid, tid, "thread_name", name);
    }

    private static void meta(JsonGenerator g, int pid, int tid, String what, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "M");
        g.writeStringField("name", what);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        g.writeStringField("name", name);
        g.writeEndObject();
        g.writeEndObject();
    }

    static void complete(JsonGenerator g, int pid, int tid, String name, long startNs, long durNs) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "X");
        g.writeStringField("name", name);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeNumberField("ts", micros(startNs));
        g.writeNumberField("dur", micros(Math.max(0, durNs)));
        g.writeEndObject();
    }

    static void instant(JsonGenerator g, int pid, int tid, String name, long ns, Map<String, String> args) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "i");
        g.writeStringField("s", "t");
        g.writeStringField("name", name);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeNumberField("ts", micros(ns));
        if (!args.isEmpty()) {
            g.writeObjectFieldStart("args");
            for (var e : new java.util.TreeMap<>(args).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Nanoseconds as microseconds with three decimals, exactly (no binary rounding in the text). */
    static java.math.BigDecimal micros(long ns) {
        return java.math.BigDecimal.valueOf(ns, 3);
    }
}
