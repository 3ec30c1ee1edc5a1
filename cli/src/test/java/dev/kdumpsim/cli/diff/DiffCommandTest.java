package dev.kdumpsim.cli.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdumpsim.cli.KdumpSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    static final Path LIBRARY = Path.of("../scenarios/library");

    static int run(StringWriter out, String... args) {
        return KdumpSim.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    }

    @Test
    void aMitigationThatClosesTheWindowShowsAsVerdictAndLedgerChanges() {
        StringWriter out = new StringWriter();
        int rc = run(out, "diff", LIBRARY.resolve("report-2018.yaml").toString(),
                LIBRARY.resolve("policy-5.2-abort-then-reset.yaml").toString(), "--log-lines", "5");
        String s = out.toString();
        assertEquals(1, rc, s);
        assertTrue(s.contains("verdict.kdumpCorrupted: true -> false"), s);
        assertTrue(s.contains("verdict.firstCorruption: {8 fields} -> null"), s);
        assertFalse(s.contains("verdict.firstCorruption.role"), "leaves of a vanished object are not listed: " + s);
        assertTrue(s.contains("ledger.fates.bypassedCrashkernelLive: 1 -> 0 (-1)"), s);
        assertTrue(s.contains("- arm-smmu-v3 arm-smmu-v3.0.auto: event 0x02 received:"), s);
    }

    @Test
    void aRunAgainstItsOwnOutputDirectoryIsIdentical(@TempDir Path dir) {
        Path scenario = LIBRARY.resolve("policy-4.19-abort.yaml");
        assertEquals(0, run(new StringWriter(), "run", scenario.toString(), "-o", dir.resolve("r").toString(),
                "--log", "none"));
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, "diff", dir.resolve("r").toString(), scenario.toString()), out.toString());
        assertTrue(out.toString().contains("identical"));
    }

    @Test
    void logsAreAlignedWithoutTimestamps() {
        List<LogDiff.Edit> e = LogDiff.diff(List.of("[    1.000000] a", "[    2.000000] b", "[    3.000000] c"),
                List.of("[    9.000000] a", "[    9.500000] x", "[   10.000000] c"));
        assertEquals(List.of("- b", "+ x"), LogDiff.render(e));
        assertEquals(List.of(), LogDiff.render(LogDiff.diff(List.of("[ 1.0] a"), List.of("[ 2.0] a"))));
    }

    @Test
    void hugelyDifferentLogsAreCountedNotAligned() {
        List<String> a = java.util.stream.IntStream.range(0, LogDiff.MAX_EDITS).mapToObj(i -> "a" + i).toList();
        List<String> b = java.util.stream.IntStream.range(0, LogDiff.MAX_EDITS).mapToObj(i -> "b" + i).toList();
        assertNull(LogDiff.diff(a, b));
    }

    @Test
    void reportDiffIgnoresTheEchoedParameters() throws Exception {
        ObjectMapper m = new ObjectMapper();
        var a = m.readTree("{\"parameters\":{\"seed\":1},\"version\":\"x\",\"ledger\":{\"issued\":5}}");
        var b = m.readTree("{\"parameters\":{\"seed\":2},\"version\":\"y\",\"ledger\":{\"issued\":7}}");
        assertEquals(List.of("ledger.issued: 5 -> 7 (+2)"), ReportDiff.changes(a, b).get("ledger"));
        assertEquals(1, ReportDiff.changes(a, b).size());
    }
}
