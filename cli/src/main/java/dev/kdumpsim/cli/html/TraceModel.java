package dev.kdumpsim.cli.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Chrome trace-event JSON file (the Trace Event Format's JSON Object Format, as {@code run
 * --trace} writes it) read back as tracks: per process, its threads' complete events (X) and
 * instants (i) and its counters (C) by series. Read event by event with Jackson's streaming
 * parser, so memory follows the events kept, not the file's text.
 */
final class TraceModel {

    record Span(double tsUs, double durUs, String name) {
    }

    record Instant(double tsUs, String name) {
    }

    record Sample(double tsUs, double value) {
    }

    static final class Thread {
        String name;
        final List<Span> spans = new ArrayList<>();
        final List<Instant> instants = new ArrayList<>();
    }

    static final class Process {
        String name;
        int sortIndex = Integer.MAX_VALUE;
        final Map<Integer, Thread> threads = new TreeMap<>();
        final Map<String, Map<String, List<Sample>>> counters = new LinkedHashMap<>();
    }

    final Map<Integer, Process> processes = new TreeMap<>();
    double minUs = Double.MAX_VALUE;
    double maxUs = -Double.MAX_VALUE;
    double panicUs = -1;
    /** otherData.scenario, when the writer named it. */
    String scenario;

    static TraceModel read(InputStream in) throws IOException {
        TraceModel m = new TraceModel();
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            p.setCodec(mapper);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a trace: the file does not start with a JSON object");
            }
            boolean events = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("traceEvents") && p.currentToken() == JsonToken.START_ARRAY) {
                    events = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        m.add(p.readValueAsTree());
                    }
                } else if (field.equals("otherData") && p.currentToken() == JsonToken.START_OBJECT) {
                    JsonNode other = p.readValueAsTree();
                    m.scenario = other.path("scenario").isTextual() ? other.path("scenario").asText() : null;
                } else {
                    p.skipChildren();
                }
            }
            if (!events) {
                throw new IOException("not a trace: no traceEvents array");
            }
        }
        return m;
    }

    private void add(JsonNode e) {
        String ph = e.path("ph").asText();
        Process pr = processes.computeIfAbsent(e.path("pid").asInt(), k -> new Process());
        String name = e.path("name").asText();
        if (ph.equals("M")) {
            switch (name) {
                case "process_name" -> pr.name = e.path("args").path("name").asText();
                case "process_sort_index" -> pr.sortIndex = e.path("args").path("sort_index").asInt();
                case "thread_name" -> thread(pr, e).name = e.path("args").path("name").asText();
                default -> { }
            }
            return;
        }
        double ts = e.path("ts").asDouble();
        minUs = Math.min(minUs, ts);
        maxUs = Math.max(maxUs, ts + (ph.equals("X") ? e.path("dur").asDouble() : 0));
        switch (ph) {
            case "X" -> thread(pr, e).spans.add(new Span(ts, e.path("dur").asDouble(), name));
            case "i", "I" -> {
                thread(pr, e).instants.add(new Instant(ts, name));
                if (name.equals("panic") && panicUs < 0) {
                    panicUs = ts;
                }
            }
            case "C" -> {
                Map<String, List<Sample>> series = pr.counters.computeIfAbsent(name, k -> new LinkedHashMap<>());
                e.path("args").fields().forEachRemaining(a -> series.computeIfAbsent(a.getKey(), k -> new ArrayList<>())
                        .add(new Sample(ts, a.getValue().asDouble())));
            }
            default -> { }
        }
    }

    private static Thread thread(Process pr, JsonNode e) {
        return pr.threads.computeIfAbsent(e.path("tid").asInt(), k -> new Thread());
    }

    /** Processes in their sort order (then pid), as viewers show them. */
    List<Process> sortedProcesses() {
        List<Process> l = new ArrayList<>(processes.values());
        l.sort((a, b) -> Integer.compare(a.sortIndex, b.sortIndex));
        return l;
    }
}
