package dev.kdumpsim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.KdumpSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    static final String LIB = "../scenarios/library/";

    record Result(int code, String out, String err) {
    }

    static Result exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void runWritesKernelLogAndReportAndExitsZero(@TempDir Path dir) throws Exception {
        // --log full: the terminal gets exactly kernel.log before the verdict (the default summary collapses floods)
        Result r = exec("run", LIB + "policy-5.2-abort-then-reset.yaml", "--log", "full", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("=== kdump kernel ==="));
        assertTrue(r.out().contains("=== verdict: policy-5.2-abort-then-reset"));
        assertEquals(r.out().substring(0, r.out().indexOf("=== verdict")), Files.readString(dir.resolve("kernel.log")));
        String report = Files.readString(dir.resolve("report.json"));
        for (String key : new String[] {"\"scenario\"", "\"seed\"", "\"version\"", "\"parameters\"", "\"verdict\"",
            "\"kdumpCorrupted\"", "\"firstCorruption\"", "\"dumpSaved\"", "\"dumpTaintedPages\"", "\"wedgedDevices\"",
            "\"ledger\"", "\"issued\"", "\"fates\"", "\"bypassedCrashkernelLive\"", "\"bypassedCrashkernelFree\"",
            "\"smmuEvents\"", "\"raised\"", "\"printed\"", "\"suppressed\"", "\"lost\"", "\"byId\"", "\"aer\""}) {
            assertTrue(report.contains(key), "report.json lacks " + key);
        }
    }

    @Test
    void failedExpectationExitsOneNamesItAndStillWritesFiles(@TempDir Path dir) {
        Result r = exec("run", LIB + "policy-5.2-abort-then-reset.yaml", "--set", "expect.verdict.dumpSaved=false",
                "--out", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("expectation failed: verdict.dumpSaved: expected false, got true"), r.err());
        assertTrue(Files.exists(dir.resolve("report.json")));
    }

    @Test
    void seedOptionChangesTheSeedInTheReport(@TempDir Path dir) throws Exception {
        Result r = exec("run", LIB + "mitigation-kexec-normal.yaml", "--seed", "42", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"seed\": 42"));
    }

    @Test
    void seedTakesHexAndSeparatorsAsTheFileDoesWithShortOptions(@TempDir Path dir) throws Exception {
        Result r = exec("run", LIB + "mitigation-kexec-normal.yaml", "-s", "0x2a", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"seed\": 42,"));
        Result sep = exec("run", LIB + "mitigation-kexec-normal.yaml", "--seed", "1_000", "--out", dir.toString());
        assertEquals(0, sep.code(), sep.err());
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"seed\": 1000,"));
    }

    @Test
    void aSeedThatIsNotAnIntegerIsAUsageError(@TempDir Path dir) {
        Result r = exec("run", LIB + "mitigation-kexec-normal.yaml", "--seed", "0xzz", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertEquals("kdumpsim: Invalid value for option '--seed': '0xzz' is not a seed (write a decimal or 0x-hex integer, e.g. 42 or 0x2a)\n"
                + "try 'kdumpsim run --help'\n", r.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void anEmptySetValueIsAClearUsageError(@TempDir Path dir) {
        for (String cmd : new String[] {"run", "explain"}) {
            Result r = exec(cmd, LIB + "mitigation-kexec-normal.yaml", "--set", "kernels.kdump.smmuDriver=");
            assertEquals(2, r.code(), cmd);
            assertTrue(r.err().startsWith("kdumpsim: --set kernels.kdump.smmuDriver= has an empty value (write --set kernels.kdump.smmuDriver=VALUE;"),
                    r.err());
            assertEquals(2, r.err().lines().count(), r.err());
        }
    }

    @Test
    void badScenarioIsOneLocatedLineExitTwoAndNothingWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nplatform:\n  dram:\n    - {base: \"0x0\", size: 16GiB}\nkernels:\n  first: {smmuDriver: arm-smmu-v3@4.61}\n");
        Path out = dir.resolve("out");
        Result r = exec("run", bad.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("kdumpsim: " + bad + ":6:"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"));
        assertFalse(Files.exists(out));
    }

    @Test
    void validateAcceptsTheLibraryAndRejectsBadFiles(@TempDir Path dir) throws Exception {
        assertEquals(0, exec("validate", LIB + "report-2018.yaml", LIB + "mitigation-flr-all.yaml").code());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nseeed: 3\n");
        Result r = exec("validate", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ":2:1"), r.err());
    }

    @Test
    void explainDescribesMachineMemoryIovaAndTimeline() {
        Result r = exec("explain", LIB + "report-2018.yaml");
        assertEquals(0, r.code(), r.err());
        for (String s : new String[] {"features 0x00001fef", "StreamID 0x100", "crashkernel", "live-kdump-data",
            "IOVA ranges in use", "timeline", "panic"}) {
            assertTrue(r.out().contains(s), "explain lacks " + s);
        }
    }

    @Test
    void schemaIsDraft07() {
        Result r = exec("schema");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("draft-07"));
    }
}
