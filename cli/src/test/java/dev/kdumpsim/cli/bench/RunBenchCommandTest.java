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

class RunBenchCommandTest {

    private static final String FILE = "../scenarios/library/tx2-82576-cmpltto-fatal.yaml";
    private static final String SHORT = "timeline[1].at=2s";

    @Test
    void countsTheRunsOwnTransactions() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(err),
                "bench", "run", FILE, "--set", SHORT, "--iterations", "1", "--warmup", "0");
        assertEquals(0, code, err.toString());
        long issued = ScenarioRunner.run(ScenarioLoader.load(Path.of(FILE), List.of(SHORT)), "test").result().issued();
        assertTrue(issued > 1000, "the run does DMA: " + issued);
        assertTrue(out.toString().contains(String.format(Locale.ROOT, "median: ")), out.toString());
        assertTrue(out.toString().contains(String.format(Locale.ROOT, "(%,d transactions per run)", issued)), out.toString());
    }

    @Test
    void aBadOverrideFailsBeforeTiming() {
        StringWriter out = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "bench", "run", FILE, "--set", "timeline[1].at=soon");
        assertEquals(2, code);
        assertEquals("", out.toString());
    }
}
