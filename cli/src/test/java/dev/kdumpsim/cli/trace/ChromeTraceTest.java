package dev.kdumpsim.cli.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdumpsim.cli.KdumpSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace of report-2018 follows the Trace Event Format's rules (JSON Object Format: a
 * traceEvents array; every event has ph, pid, tid and, except metadata, a numeric ts; X events a
 * dur; i events a scope; M events name a process or thread) and has the tracks the story needs.
 */
class ChromeTraceTest {

    @Test
    void theReport2018TraceHasValidEventsAndItsTracks(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.json");
        int rc = KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                "../scenarios/library/report-2018.yaml", "--log", "none", "--trace", trace.toString());
        assertEquals(0, rc);
        JsonNode root = new ObjectMapper().readTree(Files.readString(trace));
        JsonNode events = root.get("traceEvents");
        assertTrue(events.isArray() && events.size() > 100);
        Set<String> tracks = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (JsonNode e : events) {
            String ph = e.path("ph").asText();
            assertTrue(Set.of("X", "i", "C", "M").contains(ph), "phase " + ph);
            assertTrue(e.path("pid").isInt() && e.path("tid").isInt(), e.toString());
            assertTrue(e.path("name").isTextual(), e.toString());
            if (ph.equals("M")) {
                if (e.path("name").asText().endsWith("_name")) {
                    tracks.add(e.path("args").path("name").asText());
                }
                continue;
            }
            assertTrue(e.path("ts").isNumber() && e.path("ts").asDouble() >= 0, e.toString());
            if (ph.equals("X")) {
                assertTrue(e.path("dur").isNumber() && e.path("dur").asDouble() >= 0, e.toString());
            }
            if (ph.equals("i")) {
                assertTrue(Set.of("g", "p", "t").contains(e.path("s").asText()), e.toString());
            }
            names.add(e.path("name").asText());
        }
        assertTrue(tracks.containsAll(Set.of("kernel #1", "kdump kernel", "IOMMU", "boot phases", "log", "bypass window",
                "stray writes")), tracks.toString());
        assertTrue(names.containsAll(Set.of("panic", "smmu-probe", "translation bypassed (reset window)",
                "first stray write")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.contains("event 0x02 received")), "log lines are instants");
        assertTrue(tracks.contains("DMA by device and fate"), tracks.toString());
        assertTrue(names.contains("DMA 0000:01:00.1 per ms"), "per-device DMA counters: " + names);
    }
}
