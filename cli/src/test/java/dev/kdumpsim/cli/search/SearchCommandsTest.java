package dev.kdumpsim.cli.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kdumpsim fit and explore on the command line: outputs, exit codes, one-line errors that write nothing. */
class SearchCommandsTest {

    private static final String LIBRARY = "../scenarios/library/";
    private static final String LOG = "../scenarios/src/test/resources/reports/report-2018.log";

    @Test
    void fitWritesItsFilesAndSaysHowManyLinesMatched(@TempDir Path dir) {
        CliRunner r = CliRunner.run("fit", LIBRARY + "report-2018.yaml", "--log", LOG, "--budget", "2", "-j", "2", "-o", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("of 11 report lines matched"), r.out());
        for (String f : new String[] {"fit.md", "fit.json", "best.yaml", "evaluations.jsonl"}) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
    }

    @Test
    void exploreExitsOneWhenARunReachesTheHarmAndZeroUnderTheMitigation(@TempDir Path dir) {
        CliRunner bad = CliRunner.run("explore", LIBRARY + "report-2018.yaml", "--objective", "kdump-corrupted", "--budget", "2", "--seeds", "1",
                "-o", dir.resolve("a").toString());
        assertEquals(1, bad.exitCode(), bad.err());
        assertTrue(bad.out().contains("kdump-corrupted reached"), bad.out());
        CliRunner safe = CliRunner.run("explore", LIBRARY + "policy-5.2-abort-then-reset.yaml", "--objective", "kdump-corrupted", "--budget", "2",
                "--seeds", "1", "-o", dir.resolve("b").toString());
        assertEquals(0, safe.exitCode(), safe.err());
        assertTrue(safe.out().contains("not reached in 2 run(s)"), safe.out());
    }

    @Test
    void badInputIsOneLineAndExitTwoWithNothingWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRunner unknown = CliRunner.run("explore", LIBRARY + "report-2018.yaml", "--objective", "kdump-happy", "-o", out.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("kdump-corrupted"), unknown.err());
        Path empty = dir.resolve("empty.log");
        Files.writeString(empty, "");
        CliRunner noLog = CliRunner.run("fit", LIBRARY + "report-2018.yaml", "--log", empty.toString(), "-o", out.toString());
        assertEquals(2, noLog.exitCode());
        assertEquals(1, noLog.err().strip().lines().count(), noLog.err());
        assertTrue(noLog.err().contains("empty.log:1:1"), noLog.err());
        CliRunner budget = CliRunner.run("fit", LIBRARY + "report-2018.yaml", "--log", LOG, "--budget", "0", "-o", out.toString());
        assertEquals(2, budget.exitCode());
        assertTrue(budget.err().contains("--budget"), budget.err());
        assertFalse(Files.exists(out), "nothing written for bad input");
    }
}
