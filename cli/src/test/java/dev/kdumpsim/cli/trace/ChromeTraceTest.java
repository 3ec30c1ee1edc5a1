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
        // the hardware's own state from the trace bus: the SMMU's acknowledged enables, GBPA, EVTQ depth,
        // its events by architected name, and the fabric's error Messages
        assertTrue(tracks.contains("IOMMU and PCIe state"), tracks.toString());
        assertTrue(names.containsAll(Set.of("smmu0 CR0ACK", "smmu0 EVTQ", "C_BAD_STREAMID")),
                names.toString());
        assertTrue(tracks.contains("smmu0 events"), tracks.toString());
        assertTrue(cr0ackSeries(events).containsAll(Set.of("SMMUEN", "EVENTQEN", "CMDQEN")));
        assertTrue(smmuEnSteps(events).contains("1->0"), "kdump's reset clears SMMUEN: " + smmuEnSteps(events));
    }

    @Test
    void aerErrorsAndResetsHaveTheirTracks(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.json");
        int rc = KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                "../scenarios/library/tx2-82576-cmpltto-native.yaml", "--log", "none", "--trace", trace.toString());
        assertEquals(0, rc);
        Set<String> tracks = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (JsonNode e : new ObjectMapper().readTree(Files.readString(trace)).get("traceEvents")) {
            if (e.path("ph").asText().equals("M")) {
                tracks.add(e.path("args").path("name").asText());
            } else {
                names.add(e.path("name").asText());
            }
        }
        assertTrue(tracks.stream().anyMatch(t -> t.startsWith("AER 0000:")), tracks.toString());
        assertTrue(names.contains("ERR_NONFATAL") || names.contains("ERR_FATAL"), names.toString());
        assertTrue(tracks.contains("PCIe resets"), tracks.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("Function Level Reset of")), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.equals("LogRecord")), "log lines are on the kernels' tracks only");
    }

    @Test
    void aVtdRunShowsTheUnitsStatusBitsAndItsFaults(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.json");
        int rc = KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                "../scenarios/library/x86-vtd-precopy-dmar-faults.yaml", "--log", "none", "--trace", trace.toString());
        assertEquals(0, rc);
        Set<String> gsts = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (JsonNode e : new ObjectMapper().readTree(Files.readString(trace)).get("traceEvents")) {
            names.add(e.path("name").asText());
            if (e.path("ph").asText().equals("C") && e.path("name").asText().endsWith(" GSTS")) {
                e.path("args").fieldNames().forEachRemaining(gsts::add);
            }
        }
        assertTrue(gsts.containsAll(Set.of("TES", "RTPS", "QIES", "IRES")), gsts.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("fault reason 0x")), "DMAR faults on the unit's track");
    }

    @Test
    void aHotResetAtASwitchPortIsOnTheResetsTrack(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.json");
        int rc = KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                "../scenarios/library/switch-hot-reset.yaml", "--log", "none", "--trace", trace.toString());
        assertEquals(0, rc);
        String text = Files.readString(trace);
        assertTrue(text.contains("Secondary Bus Reset asserted at") && text.contains("Secondary Bus Reset released at"));
    }

    private static Set<String> cr0ackSeries(JsonNode events) {
        Set<String> s = new HashSet<>();
        for (JsonNode e : events) {
            if (e.path("ph").asText().equals("C") && e.path("name").asText().endsWith(" CR0ACK")) {
                e.path("args").fieldNames().forEachRemaining(s::add);
            }
        }
        return s;
    }

    /** SMMUEN's transitions in order, as "a->b". */
    private static java.util.List<String> smmuEnSteps(JsonNode events) {
        java.util.List<String> steps = new java.util.ArrayList<>();
        long last = -1;
        for (JsonNode e : events) {
            if (e.path("ph").asText().equals("C") && e.path("name").asText().endsWith(" CR0ACK")) {
                long v = e.path("args").path("SMMUEN").asLong();
                if (last >= 0 && v != last) {
                    steps.add(last + "->" + v);
                }
                last = v;
            }
        }
        return steps;
    }
}
