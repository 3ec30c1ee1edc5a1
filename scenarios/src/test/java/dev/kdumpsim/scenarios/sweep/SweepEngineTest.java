package dev.kdumpsim.scenarios.sweep;

import static dev.kdumpsim.scenarios.sweep.SweepFixtures.FILE;
import static dev.kdumpsim.scenarios.sweep.SweepFixtures.TEXT;
import static dev.kdumpsim.scenarios.sweep.SweepFixtures.files;
import static dev.kdumpsim.scenarios.sweep.SweepFixtures.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.binding.Json;
import dev.kdumpsim.scenarios.error.ScenarioException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepEngineTest {

    @TempDir
    Path tmp;

    private static SweepPlan plan() throws ScenarioException {
        return SweepPlan.create(FILE, TEXT, List.of(), List.of(), null);
    }

    private SweepResult run(String dir, int jobs, Shard shard, boolean resume, VariantRunner runner) throws Exception {
        return SweepEngine.run(plan(), runner, new SweepOptions(jobs, shard, tmp.resolve(dir), resume), SweepProgress.NONE);
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(names(expected), names(actual));
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name + " differs");
        }
    }

    @Test
    void writesEveryOutputAndCountsVerdicts() throws Exception {
        SweepResult r = run("out", 2, Shard.ALL, false, new SweepFixtures.FakeRunner(false));
        assertEquals(45, r.variants());
        assertEquals(45, r.passed() + r.failed());
        assertTrue(r.failed() > 0 && r.passed() > 0);
        assertFalse(r.allPassed());
        Map<String, byte[]> f = files(tmp.resolve("out"));
        String keep = System.getProperty("kdumpsim.keepSweepSample"); // to look at the plots: -Dkdumpsim.keepSweepSample=DIR
        if (keep != null) {
            for (Map.Entry<String, byte[]> e : f.entrySet()) {
                Files.createDirectories(Path.of(keep));
                Files.write(Path.of(keep).resolve(e.getKey()), e.getValue());
            }
        }
        assertEquals(List.of("heatmap-corruption.png", "heatmap-corruption.svg", "heatmap-dump-lost.png", "heatmap-dump-lost.svg",
                "heatmap-kdump-died.png", "heatmap-kdump-died.svg", "junit.xml", "policy-arm-smmu-v3-4.16.png",
                "policy-arm-smmu-v3-4.16.svg", "policy-arm-smmu-v3-5.2.png", "policy-arm-smmu-v3-5.2.svg", "policy-arm-smmu-v3-kdump-adopt.png",
                "policy-arm-smmu-v3-kdump-adopt.svg", "report.html", "results.csv", "results.jsonl", "summary.md", "sweep.json"),
                names(f));
        String csv = new String(f.get("results.csv"), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(46, lines.size());
        assertEquals("variant,kernels.kdump.smmuDriver,kernels.first.drivers[0].iovaFootprint,mitigations,seed,status,failed_expectations,error,"
                + "verdict.kdumpCorrupted,verdict.firstCorruption,verdict.dumpSaved,verdict.dumpTaintedPages,verdict.wedgedDevices,ledger.issued,"
                + "ledger.fates.bypassedCrashkernelLive,smmuEvents.lost,timing.ratio", lines.get(0));
        // seed 10, 16 pages: (10 + 16) % 3 != 0, so 4.16 without FLR corrupts free kdump memory
        assertEquals("0,arm-smmu-v3@4.16,64KiB,[],10,failed,verdict.kdumpCorrupted: expected false, got true,,true,free-kdump-memory,true,48,0,1016,16,1,2.0",
                lines.get(1).replace("\"verdict.kdumpCorrupted: expected false, got true\"", "verdict.kdumpCorrupted: expected false, got true"));
        assertTrue(lines.get(1).contains(",\"verdict.kdumpCorrupted: expected false, got true\","), "a cell with a comma is quoted");
        String summary = new String(f.get("summary.md"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("45 variants = 15 parameter points × 3 seeds (seed 10..12)"), summary);
        // 4.16, 64KiB, []: seeds 10, 11, 12 with 16 pages: (26, 27, 28) % 3 -> corrupt, clean, corrupt
        assertTrue(summary.contains("| arm-smmu-v3@4.16 | 64KiB | [] | 3 | 1 | 2 | 0 | 66.7% | 100.0% |"), summary);
        assertTrue(summary.contains("| arm-smmu-v3@5.2 | 9 | 9 | 0 | 0 | 0.0% | 100.0% | 0.0 |"), summary);
        assertTrue(summary.contains("./kdumpsim run sweep-test.yaml --set kernels.kdump.smmuDriver=arm-smmu-v3@4.16 "
                + "--set 'kernels.first.drivers[0].iovaFootprint=64KiB' --set 'mitigations=[]' --set seed=10"), summary);
        assertTrue(summary.contains("![heatmap-corruption.svg](heatmap-corruption.svg)"), summary);
        String junit = new String(f.get("junit.xml"), StandardCharsets.UTF_8);
        assertTrue(junit.contains("<testsuites name=\"kdumpsim sweep\" tests=\"45\" failures=\"" + r.failed() + "\" errors=\"0\">"), junit);
        // 16 pages, seed 10: the fixture's run ends at 20 s + 16 ms + 10 us of simulated time
        assertTrue(junit.contains("<testcase classname=\"sweep-test.yaml\" name=\"kernels.kdump.smmuDriver=arm-smmu-v3@5.2,"
                + "kernels.first.drivers[0].iovaFootprint=64KiB,mitigations=[],seed=10\" time=\"20.016010\"/>"), junit);
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("<testcase [^>]* time=\"(\\d+)\\.(\\d{6})\"").matcher(junit);
        long sumUs = 0;
        int cases = 0;
        while (t.find()) {
            sumUs += Long.parseLong(t.group(1)) * 1_000_000 + Long.parseLong(t.group(2));
            cases++;
        }
        assertEquals(45, cases, "every testcase carries its simulated time");
        assertTrue(junit.contains(String.format(java.util.Locale.ROOT, " skipped=\"0\" time=\"%d.%06d\">", sumUs / 1_000_000, sumUs % 1_000_000)),
                "the testsuite's time is the sum of its testcases'");
        assertTrue(junit.contains("<failure message=\"verdict.kdumpCorrupted: expected false, got true\" type=\"expectation\">"), junit);
        String svg = new String(f.get("heatmap-corruption.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), svg.substring(0, 40));
        assertTrue(svg.contains("66.7%") || svg.contains("Corruption rate"), "cells are labelled");
        assertTrue(f.get("heatmap-corruption.png").length > 1000);
        assertFalse(Files.exists(tmp.resolve("out").resolve(SweepJournal.NAME)), "the journal goes once the outputs are written");
    }

    @Test
    void outputsAreByteIdenticalForAnyJobsAndCompletionOrder() throws Exception {
        run("one", 1, Shard.ALL, false, new SweepFixtures.FakeRunner(false));
        run("four", 4, Shard.ALL, false, new SweepFixtures.FakeRunner(true));
        run("three", 3, Shard.ALL, false, new SweepFixtures.FakeRunner(true));
        Map<String, byte[]> one = files(tmp.resolve("one"));
        assertSameFiles(one, files(tmp.resolve("four")));
        assertSameFiles(one, files(tmp.resolve("three")));
    }

    @Test
    void mergedShardsAreExactlyTheUnshardedFiles() throws Exception {
        run("whole", 2, Shard.ALL, false, new SweepFixtures.FakeRunner(false));
        List<Path> shards = new ArrayList<>();
        int total = 0;
        for (int k = 1; k <= 4; k++) {
            SweepResult r = run("shard" + k, 2, new Shard(k, 4), false, new SweepFixtures.FakeRunner(true));
            total += r.variants();
            shards.add(tmp.resolve("shard" + k));
        }
        assertEquals(45, total);
        String shard2 = Files.readString(tmp.resolve("shard2").resolve("results.jsonl"));
        assertTrue(shard2.startsWith("{\"variant\":1,"), "shard k holds variants with i mod n == k-1");
        assertTrue(shard2.contains("{\"variant\":5,") && !shard2.contains("{\"variant\":2,"));
        SweepResult merged = SweepMerge.merge(List.of(shards.get(2), shards.get(0), shards.get(3), shards.get(1)), tmp.resolve("merged"));
        assertEquals(45, merged.variants());
        assertSameFiles(files(tmp.resolve("whole")), files(tmp.resolve("merged")));
    }

    @Test
    void mergeRefusesMissingOrDoubledShardsAndOtherSweeps() throws Exception {
        run("s1", 1, new Shard(1, 2), false, new SweepFixtures.FakeRunner(false));
        run("s2", 1, new Shard(2, 2), false, new SweepFixtures.FakeRunner(false));
        SweepInputException missing = assertThrows(SweepInputException.class, () -> SweepMerge.merge(List.of(tmp.resolve("s1")), tmp.resolve("m")));
        assertTrue(missing.getMessage().startsWith("22 of 45 variants are in none of the directories (first: #1)"), missing.getMessage());
        SweepInputException twice = assertThrows(SweepInputException.class,
                () -> SweepMerge.merge(List.of(tmp.resolve("s1"), tmp.resolve("s1")), tmp.resolve("m")));
        assertTrue(twice.getMessage().startsWith("variant #0 is in both"), twice.getMessage());
        SweepEngine.run(SweepPlan.create(FILE, TEXT, List.of(), List.of(), 2), new SweepFixtures.FakeRunner(false),
                new SweepOptions(1, new Shard(2, 2), tmp.resolve("other"), false), SweepProgress.NONE);
        SweepInputException other = assertThrows(SweepInputException.class,
                () -> SweepMerge.merge(List.of(tmp.resolve("s1"), tmp.resolve("other")), tmp.resolve("m")));
        assertTrue(other.getMessage().contains("holds another sweep"), other.getMessage());
        SweepInputException none = assertThrows(SweepInputException.class, () -> SweepMerge.merge(List.of(tmp.resolve("nothing")), tmp.resolve("m")));
        assertTrue(none.getMessage().contains("is not a finished sweep output"), none.getMessage());
    }

    @Test
    void resumeAfterAKillRunsOnlyUnfinishedVariantsAndKeepsEveryRowOnce() throws Exception {
        run("reference", 2, Shard.ALL, false, new SweepFixtures.FakeRunner(false));
        Map<String, byte[]> reference = files(tmp.resolve("reference"));
        List<String> rows = Files.readAllLines(tmp.resolve("reference").resolve("results.jsonl"));
        // what a kill leaves: the header, rows finished in some order, and a torn line
        Path dir = Files.createDirectories(tmp.resolve("killed"));
        StringBuilder journal = new StringBuilder(Json.compact(plan().manifest().toJson())).append('\n');
        int[] finished = {3, 0, 1, 17, 2, 44, 30};
        for (int i : finished) {
            journal.append(rows.get(i)).append('\n');
        }
        journal.append(rows.get(5), 0, 40); // torn in the middle of variant 5's row
        Files.writeString(dir.resolve(SweepJournal.NAME), journal);
        SweepFixtures.FakeRunner runner = new SweepFixtures.FakeRunner(true);
        SweepResult r = run("killed", 3, Shard.ALL, true, runner);
        assertEquals(finished.length, r.resumed());
        assertEquals(45 - finished.length, runner.calls.get(), "finished variants are not run again; the torn one is");
        assertSameFiles(reference, files(dir));
        // resuming a finished sweep runs nothing and rewrites the same files
        SweepFixtures.FakeRunner again = new SweepFixtures.FakeRunner(false);
        assertEquals(45, run("killed", 1, Shard.ALL, true, again).resumed());
        assertEquals(0, again.calls.get());
        assertSameFiles(reference, files(dir));
    }

    @Test
    void resumeRefusesAJournalOfAnotherSweepOrACorruptMiddleLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("j"));
        Files.writeString(dir.resolve(SweepJournal.NAME), Json.compact(plan().manifest().withShard(new Shard(1, 2)).toJson()) + "\n");
        SweepInputException other = assertThrows(SweepInputException.class, () -> run("j", 1, Shard.ALL, true, new SweepFixtures.FakeRunner(false)));
        assertTrue(other.getMessage().contains("belongs to another sweep (sweep-test, shard 1/2, 45 variants)"), other.getMessage());
        Files.writeString(dir.resolve(SweepJournal.NAME), Json.compact(plan().manifest().toJson()) + "\n{\"variant\":0,\n{}\n");
        SweepInputException corrupt = assertThrows(SweepInputException.class, () -> run("j", 1, Shard.ALL, true, new SweepFixtures.FakeRunner(false)));
        assertTrue(corrupt.getMessage().contains("journal.jsonl:2: corrupt journal line"), corrupt.getMessage());
        // without --resume the sweep starts over
        assertEquals(0, run("j", 1, Shard.ALL, false, new SweepFixtures.FakeRunner(false)).resumed());
    }

    @Test
    void aThrowingRunnerIsACrashedVariantAndTheSweepGoesOn() throws Exception {
        SweepResult r = run("crash", 2, Shard.ALL, false, new SweepFixtures.CrashingRunner());
        assertEquals(6, r.errors(), "kdump-adopt x 1MiB x 2 mitigation lists x 3 seeds");
        String junit = Files.readString(tmp.resolve("crash").resolve("junit.xml"));
        assertTrue(junit.contains("<error message=\"java.lang.IllegalStateException: event queue overflow &lt;boom&gt; &amp; &quot;quotes&quot;\" "
                + "type=\"java.lang.IllegalStateException\">"), junit);
        assertTrue(junit.contains("errors=\"6\""));
        String csv = Files.readString(tmp.resolve("crash").resolve("results.csv"));
        assertTrue(csv.contains(",error,,\"java.lang.IllegalStateException: event queue overflow <boom> & \"\"quotes\"\"\",,,,"), csv);
    }

    @Test
    void anInvalidCombinationStopsTheSweepAsBadInput() throws Exception {
        // each value is valid with the file's other values, but 1G of crashkernel does not fit in 1GiB of DRAM
        String text = TEXT.substring(0, TEXT.indexOf("sweep:")) + """
                sweep:
                  parameters:
                    - path: platform.dram
                      values: ['[{base: "0x0", size: 16GiB}]', '[{base: "0x0", size: 1GiB}]']
                    - path: kernels.first.cmdline
                      values: ["crashkernel=256M", "crashkernel=1G"]
                """;
        SweepPlan p = SweepPlan.create(FILE, text, List.of(), List.of(), 1);
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepEngine.run(p, new SweepFixtures.FakeRunner(false),
                new SweepOptions(2, Shard.ALL, tmp.resolve("bad"), false), SweepProgress.NONE));
        assertTrue(e.format().startsWith("sweep-test.yaml: variant #3 (--set platform.dram=[{base: \"0x0\", size: 1GiB}] "
                + "--set kernels.first.cmdline=crashkernel=1G --set seed=10) is invalid: --set kernels.first.cmdline: crashkernel"),
                e.format());
        assertTrue(e.format().contains("crashkernel cannot be placed in DRAM"), e.format());
    }

    @Test
    void rowsRoundTripThroughJsonExactly() {
        VariantRow r = new VariantRow(7, Map.of("a", "[x, \"y\"]"), 3, VariantStatus.FAILED, List.of("one\ntwo"), null,
                12_345_678_901L, new java.util.LinkedHashMap<>(Map.of("i", 5)), List.of("a=[x]", "seed=3"));
        assertEquals(5L, r.metrics().get("i"));
        VariantRow back = VariantRow.fromJsonLine(r.toJsonLine());
        assertEquals(r, back);
        assertEquals(r.toJsonLine(), back.toJsonLine());
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("f", 0.1f);
        m.put("nan", Double.NaN);
        m.put("big", 1e300);
        m.put("s", "é\t\u0001");
        VariantRow d = new VariantRow(0, Map.of(), 1, VariantStatus.PASSED, List.of(), null, null, m, List.of());
        assertEquals(d, VariantRow.fromJsonLine(d.toJsonLine()));
        assertThrows(IllegalArgumentException.class, () -> VariantRow.fromJsonLine(r.toJsonLine().replace("\"simulatedNs\":12345678901,", "")),
                "a row without its simulated time is not one this version wrote");
        assertEquals(null, d.metrics().get("nan"));
    }
}
