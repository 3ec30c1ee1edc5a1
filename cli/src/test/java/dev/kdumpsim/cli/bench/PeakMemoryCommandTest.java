package dev.kdumpsim.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.KdumpSim;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PeakMemoryCommandTest {

    private static final String FILE = "../scenarios/library/tx2-82576-cmpltto-fatal.yaml";
    private static final String SHORT = "timeline[1].at=2s";

    @Test
    void reportsTheRunAndItsMemory() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(err), "bench", "peak-memory", FILE, "--set", SHORT);
        assertEquals(0, code, err.toString());
        long issued = ScenarioRunner.run(ScenarioLoader.load(Path.of(FILE), List.of(SHORT)), "test").result().issued();
        String text = out.toString();
        assertTrue(text.startsWith(String.format(Locale.ROOT, "run: %,d transactions, ", issued)), text);
        assertTrue(text.contains("\nheap after GC: "), text);
        assertTrue(text.matches("(?s).*heap limit \\d+\\.\\d MiB\n.*"), text);
        assertTrue(text.contains("\npeak RSS: "), text);
    }

    @Test
    void peakRssIsReadWhereLinuxGivesIt() {
        long rss = MemoryWatch.peakRss();
        if (java.nio.file.Files.isReadable(Path.of("/proc/self/status"))) {
            assertTrue(rss > 1024 * 1024, "a JVM holds more than 1 MiB resident: " + rss);
        } else {
            assertEquals(-1, rss);
        }
    }
}
