package dev.kdumpsim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.KdumpSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code run --seeds N}: the rate of each verdict field and expect.log pattern, the same at any --jobs. */
class RunSeedsTest {

    static String run(String... args) {
        StringWriter out = new StringWriter();
        int rc = KdumpSim.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        assertEquals(0, rc, out.toString());
        return out.toString();
    }

    @Test
    void ratesOverSeedsAreTheSameAtAnyJobCount() {
        String one = run("run", "../scenarios/library/report-2018.yaml", "--seeds", "4", "-j", "1");
        String two = run("run", "../scenarios/library/report-2018.yaml", "--seeds", "4", "-j", "2");
        assertEquals(one, two);
        assertTrue(one.startsWith("rates over 4 seeds (3 to 6):"), one);
        assertTrue(one.contains("4/4  100.0%  verdict.kdumpCorrupted"), one);
        // the report's TLP header (tag 1) needs the tuned seed 3
        assertTrue(one.matches("(?s).*1/4 +25\\.0%  log /.*TLP Header.*\\(seeds 3\\).*"), one);
    }
}
