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
        assertTrue(new Trace(events, tracks, names).series(" CR0ACK").containsAll(Set.of("SMMUEN", "EVENTQEN", "CMDQEN")));
        assertTrue(smmuEnSteps(events).contains("1->0"), "kdump's reset clears SMMUEN: " + smmuEnSteps(events));
    }

    /** The trace of one library scenario: its events, the names of its tracks (M events) and of everything else. */
    record Trace(JsonNode events, Set<String> tracks, Set<String> names) {

        static Trace of(Path dir, String libraryFile) throws Exception {
            Path trace = dir.resolve("t.json");
            int rc = KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                    "../scenarios/library/" + libraryFile, "--log", "none", "--trace", trace.toString());
            assertEquals(0, rc);
            JsonNode events = new ObjectMapper().readTree(Files.readString(trace)).get("traceEvents");
            Set<String> tracks = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (JsonNode e : events) {
                (e.path("ph").asText().equals("M") ? tracks : names).add(
                        e.path("ph").asText().equals("M") ? e.path("args").path("name").asText() : e.path("name").asText());
            }
            return new Trace(events, tracks, names);
        }

        /** The series names of every counter whose name ends with {@code suffix}. */
        Set<String> series(String suffix) {
            Set<String> s = new HashSet<>();
            for (JsonNode e : events) {
                if (e.path("ph").asText().equals("C") && e.path("name").asText().endsWith(suffix)) {
                    e.path("args").fieldNames().forEachRemaining(s::add);
                }
            }
            return s;
        }
    }

    @Test
    void aerErrorsAndResetsHaveTheirTracks(@TempDir Path dir) throws Exception {
        Trace t = Trace.of(dir, "tx2-82576-cmpltto-native.yaml");
        assertTrue(t.tracks().stream().anyMatch(n -> n.startsWith("AER 0000:")), t.tracks().toString());
        assertTrue(t.names().contains("ERR_NONFATAL") || t.names().contains("ERR_FATAL"), t.names().toString());
        assertTrue(t.tracks().contains("PCIe resets"), t.tracks().toString());
        assertTrue(t.names().stream().anyMatch(n -> n.startsWith("Function Level Reset of")), t.names().toString());
        assertTrue(t.names().stream().noneMatch(n -> n.equals("LogRecord")), "log lines are on the kernels' tracks only");
    }

    @Test
    void aVtdRunShowsTheUnitsStatusBitsAndItsFaults(@TempDir Path dir) throws Exception {
        Trace t = Trace.of(dir, "x86-vtd-precopy-dmar-faults.yaml");
        assertTrue(t.series(" GSTS").containsAll(Set.of("TES", "RTPS", "QIES", "IRES")), t.series(" GSTS").toString());
        assertTrue(t.names().stream().anyMatch(n -> n.startsWith("fault reason 0x")), "DMAR faults on the unit's track");
    }

    @Test
    void aHotResetAtASwitchPortIsOnTheResetsTrack(@TempDir Path dir) throws Exception {
        Trace t = Trace.of(dir, "switch-hot-reset.yaml");
        assertTrue(t.names().stream().anyMatch(n -> n.startsWith("Secondary Bus Reset asserted at"))
                && t.names().stream().anyMatch(n -> n.startsWith("Secondary Bus Reset released at")), t.names().toString());
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
