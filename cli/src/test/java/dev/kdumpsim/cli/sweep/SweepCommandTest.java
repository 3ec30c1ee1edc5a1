package dev.kdumpsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.KdumpSim;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.sweep.VariantOutcome;
import dev.kdumpsim.scenarios.sweep.VariantRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    static final String SCENARIO = """
            name: cli-sweep
            platform:
              pcie:
                topology:
                  endpoints:
                    - bdf: "01:00.0"
            kernels:
              first:
                cmdline: "crashkernel=512M"
                drivers:
                  - device: "01:00.0"
            timeline:
              - {at: 10s, action: panic}
            sweep:
              seeds: 2
              parameters:
                - path: kernels.kdump.smmuDriver
                  values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2]
                - path: mitigations
                  values: ["[]", "[flr-all]"]
            """;

    /** 4.16 without FLR corrupts on even seeds; everything else is clean. */
    static final class Runner implements VariantRunner {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public VariantOutcome run(Scenario s) {
            calls.incrementAndGet();
            boolean corrupted = s.kernels().kdump().driverPolicy() == SmmuDriverPolicy.V4_16 && !s.mitigations().contains(Mitigation.FLR_ALL)
                    && s.seed() % 2 == 0;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("verdict.kdumpCorrupted", corrupted);
            m.put("verdict.dumpSaved", !corrupted);
            m.put("verdict.dumpTaintedPages", corrupted ? 12L : 0L);
            m.put("smmuEvents.lost", 0L);
            return new VariantOutcome(!corrupted, corrupted ? List.of("verdict.kdumpCorrupted: expected false, got true") : List.of(), m);
        }
    }

    record Result(int code, String out, String err) {
    }

    @TempDir
    Path tmp;
    Path file;
    Runner runner = new Runner();

    @BeforeEach
    void setUp() throws IOException {
        file = tmp.resolve("cli-sweep.yaml");
        Files.writeString(file, SCENARIO);
        SweepCommand.runners = () -> Optional.of(runner);
        long[] now = {0};
        SweepCommand.clock = () -> now[0] += 250_000_000L; // every reading is a quarter second later
    }

    @AfterEach
    void tearDown() {
        SweepCommand.runners = () -> java.util.ServiceLoader.load(VariantRunner.class).findFirst();
        SweepCommand.clock = System::nanoTime;
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    static void assertSameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    }

    @Test
    void aFailingVariantExitsOneAndEveryFileIsWritten() throws IOException {
        Result r = run("sweep", file.toString(), "--jobs", "2", "--out", tmp.resolve("out").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("cli-sweep: 8 variants, 7 passed, 1 failed, 0 crashed\nwrote " + tmp.resolve("out")
                + ": results.jsonl, results.csv, summary.md, report.html, junit.xml, "
                + "heatmap-corruption.png, heatmap-corruption.svg, heatmap-dump-lost.png, heatmap-dump-lost.svg, "
                + "heatmap-kdump-died.png, heatmap-kdump-died.svg, policy-arm-smmu-v3-4.16.png"), r.out());
        assertTrue(Files.exists(tmp.resolve("out").resolve("junit.xml")));
        // not a terminal here: plain lines, no carriage returns
        assertTrue(r.err().startsWith("sweep: 8 variants\n"), r.err());
        assertFalse(r.err().contains("\r"), r.err());
        assertTrue(r.err().contains("sweep: 8/8 done in "), r.err());
    }

    @Test
    void allPassingExitsZeroAndParamAndSeedsReshapeTheSweep() {
        Result r = run("sweep", file.toString(), "--param", "kernels.kdump.smmuDriver=arm-smmu-v3@5.2,arm-smmu-v3@kdump-adopt", "--seeds", "3",
                "--out", tmp.resolve("ok").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("cli-sweep: 12 variants, 12 passed"), r.out());
        assertEquals(12, runner.calls.get());
    }

    @Test
    void outputsDoNotDependOnJobs() throws IOException {
        run("sweep", file.toString(), "--jobs", "1", "--out", tmp.resolve("a").toString());
        run("sweep", file.toString(), "-j", "3", "-o", tmp.resolve("b").toString());
        assertSameFiles(files(tmp.resolve("a")), files(tmp.resolve("b")));
    }

    @Test
    void shardsMergeIntoTheUnshardedFiles() throws IOException {
        run("sweep", file.toString(), "--out", tmp.resolve("whole").toString());
        for (int k = 1; k <= 3; k++) {
            Result r = run("sweep", file.toString(), "--shard", k + "/3", "--out", tmp.resolve("s" + k).toString());
            assertTrue(r.out().startsWith("cli-sweep shard " + k + "/3: "), r.out());
        }
        Result m = run("merge", tmp.resolve("s2").toString(), tmp.resolve("s1").toString(), tmp.resolve("s3").toString(),
                "-o", tmp.resolve("merged").toString());
        assertEquals(1, m.code(), m.err());
        assertTrue(m.out().startsWith("merged 3 shard(s): 8 variants, 7 passed, 1 failed"), m.out());
        assertSameFiles(files(tmp.resolve("whole")), files(tmp.resolve("merged")));
        Result missing = run("merge", tmp.resolve("s1").toString(), "--out", tmp.resolve("m2").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("kdumpsim: 5 of 8 variants are in none of the directories"), missing.err());
    }

    @Test
    void resumeSkipsWhatTheJournalHolds() throws IOException {
        run("sweep", file.toString(), "--out", tmp.resolve("ref").toString());
        List<String> rows = Files.readAllLines(tmp.resolve("ref").resolve("results.jsonl"));
        String header = new String(Files.readAllBytes(tmp.resolve("ref").resolve("sweep.json")));
        // a journal as a killed run leaves it: header line, two rows, a torn row
        String headerLine = header.replaceAll("\\n\\s*", "").replace("\": ", "\":");
        Path dir = Files.createDirectories(tmp.resolve("killed"));
        Files.writeString(dir.resolve("journal.jsonl"), headerLine + "\n" + rows.get(6) + "\n" + rows.get(1) + "\n" + rows.get(2).substring(0, 20));
        runner.calls.set(0);
        Result r = run("sweep", file.toString(), "--resume", "--out", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("(2 resumed)"), r.out());
        assertEquals(6, runner.calls.get());
        assertSameFiles(files(tmp.resolve("ref")), files(dir));
    }

    @Test
    void badInputIsOneLineWithLocationAndExitTwo() throws IOException {
        Files.writeString(file, SCENARIO.replace("values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2]", "values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2, arm-smmu-v3@4.16]"));
        Result r = run("sweep", file.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertEquals("kdumpsim: " + file + ":18:51: value 'arm-smmu-v3@4.16' is listed twice (remove one)\n", r.err());
        Files.writeString(file, SCENARIO);
        Result param = run("sweep", file.toString(), "--param", "mitigations=[nope]");
        assertEquals(2, param.code());
        assertTrue(param.err().startsWith("kdumpsim: --param mitigations: value '[nope]': "), param.err());
        assertEquals(1, param.err().lines().count(), param.err());
        assertEquals(2, run("sweep", file.toString(), "--shard", "4/3").code());
        assertEquals(2, run("sweep", file.toString(), "--jobs", "0").code());
        Result emptySet = run("sweep", file.toString(), "--set", "seed=");
        assertEquals(2, emptySet.code());
        assertTrue(emptySet.err().startsWith("kdumpsim: --set seed= has an empty value"), emptySet.err());
        Result missing = run("sweep", tmp.resolve("nope.yaml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("kdumpsim: " + tmp.resolve("nope.yaml") + ": cannot read file"), missing.err());
    }

    @Test
    void withoutASimulatorTheSweepFailsClearly() {
        SweepCommand.runners = Optional::empty;
        Result r = run("sweep", file.toString(), "--out", tmp.resolve("none").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("kdumpsim: no simulator to run sweep variants: no dev.kdumpsim.scenarios.sweep.VariantRunner is registered"),
                r.err());
    }
}
