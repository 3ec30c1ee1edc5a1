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

class PayloadCommandTest {

    private static final String FILE = "../scenarios/library/tx2-82576-cmpltto-fatal.yaml";
    private static final String SHORT = "timeline[1].at=2s";

    @Test
    void runsBothSizesWithTheSameTransactions() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(err),
                "bench", "payload", FILE, "--set", SHORT, "--small", "128", "--iterations", "1", "--warmup", "0");
        assertEquals(0, code, err.toString());
        long issued = ScenarioRunner.run(ScenarioLoader.load(Path.of(FILE), List.of(SHORT)), "test").result().issued();
        String text = out.toString();
        assertTrue(text.contains("bufferSize=128: "), text);
        assertTrue(text.contains("bufferSize=2KiB: "), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "(%,d and %,d transactions)", issued, issued)), text);
    }

    @Test
    void anInvalidSizeFailsBeforeTiming() {
        StringWriter out = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "bench", "payload", FILE, "--small", "tiny");
        assertEquals(2, code);
        assertEquals("", out.toString());
    }
}
