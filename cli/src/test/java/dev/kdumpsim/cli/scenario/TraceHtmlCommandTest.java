package dev.kdumpsim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace-html on good and hostile input: a page from a trace, one located line and no file otherwise. */
class TraceHtmlCommandTest {

    @Test
    void aSmallTraceBecomesAPageWithItsTracksAndCounters(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("t.json");
        Files.writeString(t, """
                {"otherData":{"scenario":"tiny"},"traceEvents":[
                {"ph":"M","name":"process_name","pid":1,"tid":0,"args":{"name":"kernel #1"}},
                {"ph":"M","name":"thread_name","pid":1,"tid":1,"args":{"name":"boot phases"}},
                {"ph":"X","name":"early-init","pid":1,"tid":1,"ts":0,"dur":1500000},
                {"ph":"i","s":"t","name":"panic","pid":1,"tid":1,"ts":2000000},
                {"ph":"C","name":"smmu0 EVTQ","pid":1,"tid":0,"ts":2000000,"args":{"entries":7}}]}
                """);
        CliRunner r = CliRunner.run("trace-html", t.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("<h1>tiny <small>trace</small></h1>"), r.out());
        assertTrue(r.out().contains("early-init (1500.000 ms)") && r.out().contains("smmu0 EVTQ (max 7)"), r.out());
        assertTrue(r.out().contains("From the panic on"));
        assertFalse(r.out().contains("<script"));
    }

    @Test
    void malformedJsonIsOneLocatedLineAndWritesNothing(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("bad.json");
        Files.writeString(t, "{\"traceEvents\":[\n{\"ph\":\"X\",,}]}");
        Path out = dir.resolve("page.html");
        CliRunner r = CliRunner.run("trace-html", t.toString(), "-o", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("kdumpsim: " + t + ":2:11: "), r.err());
        assertTrue(r.err().contains("not a trace") && r.err().contains("run FILE --trace"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void jsonWithoutTraceEventsAndAMissingFileAreRefused(@TempDir Path dir) throws Exception {
        Path t = dir.resolve("report.json");
        Files.writeString(t, "{\"verdict\":{}}");
        CliRunner r = CliRunner.run("trace-html", t.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no traceEvents array"), r.err());
        CliRunner missing = CliRunner.run("trace-html", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
