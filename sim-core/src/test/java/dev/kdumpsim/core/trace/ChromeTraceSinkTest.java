package dev.kdumpsim.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.TraceCounter;
import dev.kdumpsim.core.TraceInstant;
import dev.kdumpsim.core.TraceRecord;
import dev.kdumpsim.core.TraceSpan;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChromeTraceSinkTest {

    enum Fate { BYPASSED }

    /** A module's own record type, as sim-smmuv3 or sim-kernel define them. */
    record DmaFateRecord(long timeNs, String device, long address, int length, Fate fate, double ratio, List<Object> extra)
            implements TraceRecord {
        @Override
        public String traceTrack() {
            return "pcie " + device;
        }
    }

    private static String run(Simulation sim) {
        StringWriter w = new StringWriter();
        ChromeTraceSink sink = ChromeTraceSink.attach(sim, w, "kdumpsim \"2018\"");
        sim.scheduleAt(1_500, a -> sim.trace().emit(new TraceInstant(sim.now(), "smmu0", "GBPA bypass")));
        sim.scheduleAt(2_000_123, a -> sim.trace().emit(new TraceSpan(1_000, sim.now() - 1_000, "kdump", "boot")));
        sim.scheduleAt(3_000_000, a -> sim.trace().emit(new TraceCounter(sim.now(), "queues", "evtq depth", 7)));
        sim.scheduleAt(3_000_001, a -> sim.trace().emit(
                new DmaFateRecord(sim.now(), "01:00.0", 0x8000_0000L, 2048, Fate.BYPASSED, 0.5, List.of(1L, "x\n", true))));
        sim.scheduleAt(4_000_000, a -> sim.trace().emit(new TraceInstant(sim.now(), "smmu0", "EVTQ overflow")));
        sim.run();
        sink.close();
        return w.toString();
    }

    @Test
    void writesTheTraceEventFormatWithNamedTracks() {
        Object doc = MiniJson.parse(run(new Simulation(1)));
        @SuppressWarnings("unchecked")
        Map<String, Object> top = (Map<String, Object>) doc;
        assertEquals("ns", top.get("displayTimeUnit"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ev = (List<Map<String, Object>>) top.get("traceEvents");

        assertEquals(Map.of("name", "process_name", "ph", "M", "pid", 1L, "tid", 0L, "args", Map.of("name", "kdumpsim \"2018\"")),
                ev.get(0));
        assertEquals(Map.of("name", "thread_name", "ph", "M", "pid", 1L, "tid", 1L, "args", Map.of("name", "smmu0")), ev.get(1));
        assertEquals(Map.of("name", "thread_sort_index", "ph", "M", "pid", 1L, "tid", 1L, "args", Map.of("sort_index", 1L)),
                ev.get(2));
        assertEquals(Map.of("name", "GBPA bypass", "cat", "TraceInstant", "ph", "i", "s", "t", "ts", 1.5, "pid", 1L, "tid", 1L),
                ev.get(3));
        // the span's track is new: named first, then the complete event with its start and duration
        assertEquals("kdump", ((Map<?, ?>) ev.get(4).get("args")).get("name"));
        assertEquals(Map.of("name", "boot", "ph", "X", "ts", 1.0, "dur", 1999.123, "pid", 1L, "tid", 2L), ev.get(6));
        assertEquals(Map.of("name", "queues", "ph", "C", "ts", 3000.0, "pid", 1L, "args", Map.of("evtq depth", 7L)), ev.get(7));
        Map<String, Object> dma = ev.get(10);
        assertEquals("DmaFateRecord", dma.get("name"));
        assertEquals(3L, dma.get("tid"));
        assertEquals(3000.001, dma.get("ts"));
        assertEquals(Map.of("device", "01:00.0", "address", 0x8000_0000L, "length", 2048L, "fate", "BYPASSED", "ratio", 0.5,
                "extra", List.of(1L, "x\n", true)), dma.get("args"));
        assertEquals("pcie 01:00.0", ((Map<?, ?>) ev.get(8).get("args")).get("name"));
        assertEquals(1L, ev.get(11).get("tid"), "a known track keeps its thread id");
        assertEquals(12, ev.size());
    }

    @Test
    void theSameRunWritesTheSameBytes() {
        assertEquals(run(new Simulation(1)), run(new Simulation(1)));
    }

    @Test
    void simulatedNanosecondsAreWrittenAsExactMicroseconds() {
        StringBuilder sb = new StringBuilder();
        for (long ns : new long[] {0, 7, 999, 1000, 1_234_567, Long.MAX_VALUE}) {
            ChromeTraceSink.micros(sb, ns);
            sb.append(' ');
        }
        assertEquals("0.000 0.007 0.999 1.000 1234.567 9223372036854775.807 ", sb.toString());
    }

    @Test
    void aBusWithoutTheSinkIsDisabledAndAClosedSinkRefusesRecords() {
        Simulation sim = new Simulation(1);
        assertFalse(sim.trace().enabled(), "emitters skip building records");
        StringWriter w = new StringWriter();
        ChromeTraceSink sink = ChromeTraceSink.attach(sim, w, "p");
        assertTrue(sim.trace().enabled());
        sink.close();
        sink.close();
        assertTrue(w.toString().endsWith("\n]}\n"));
        MiniJson.parse(w.toString());
        assertThrows(IllegalStateException.class, () -> sink.onRecord(new TraceInstant(0, "t", "n")));
        sim.trace().removeListener(sink);
        assertFalse(sim.trace().enabled());
    }
}
