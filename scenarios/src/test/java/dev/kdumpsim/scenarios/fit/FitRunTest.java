package dev.kdumpsim.scenarios.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.binding.Json;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.importer.LogImport;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.scenarios.sweep.Shard;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kdumpsim fit on the 2018 report: import, then fit; determinism across jobs, shards and resume. */
class FitRunTest {

    static final Path LOG = Path.of("src/test/resources/reports/report-2018.log");

    /** A fit: section over the seed and the crash instant only, for the 2018 library machine (made cheap below: runs of a fraction of a second). */
    private static final String SMALL = """
            fit:
              parameters:
                - {path: seed, range: 1..50}
                - {path: "timeline[0].at", range: 3600s..3600.002s}
            """;

    private static String imported() throws Exception {
        return LogImport.fromText(Map.of(LOG.toString(), Files.readString(LOG)), Map.of(), "imported.yaml").yaml();
    }

    @Test
    void importThenFitReproducesFourFifthsOfThe2018ReportAndBestYamlRunsSo(@TempDir Path dir) throws Exception {
        FitRun fit = FitRun.prepare("imported.yaml", imported(), List.of(), LOG.toString(), Files.readString(LOG), 8);
        FitRun.Outcome o = fit.run(new SweepOptions(2, Shard.ALL, dir, false));
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("fit.json")));
        assertEquals(11, ((Number) json.get("linesTotal")).intValue());
        int matched = ((Number) json.get("linesMatched")).intValue();
        assertTrue(matched * 5 >= 11 * 4, "at least 80% of the report lines: " + matched);
        assertEquals(o.linesMatched(), matched);
        for (Object l : (List<?>) json.get("lines")) {
            assertTrue(List.of("matched", "matched-at-another-time", "missing").contains(((Map<?, ?>) l).get("status")));
        }
        // best.yaml loads on its own and its run shows the lines fit.json says it does
        Scenario best = ScenarioLoader.parse("best.yaml", Files.readString(dir.resolve("best.yaml")), List.of());
        String log = ScenarioRunner.run(best, "t").kernelLog();
        assertTrue(log.contains("arm-smmu-v3 arm-smmu-v3.0.auto: SMMU currently enabled! Resetting..."));
        assertTrue(log.contains("pci 0000:01:00.0: aer_uncor_severity: 0x00062011"));
    }

    @Test
    void theSameBytesAtAnyJobsAcrossShardsMergedAndAfterResume(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("library/report-2018.yaml")) + SMALL;
        Path file = Path.of("library/report-2018.yaml");
        String log = Files.readString(LOG);
        List<String> cheap = List.of("kernels.first.drivers[0].dmaRatePerSec=500", "kernels.first.drivers[1].dmaRatePerSec=500",
                "kernels.first.drivers[2].dmaRatePerSec=200");
        int budget = SearchPlanBudget.TWO_BRACKETS;
        FitRun fit = FitRun.prepare(file.toString(), text, cheap, LOG.toString(), log, budget);
        fit.run(new SweepOptions(1, Shard.ALL, dir.resolve("one"), false));
        fit.run(new SweepOptions(2, Shard.ALL, dir.resolve("two"), false));
        fit.run(new SweepOptions(2, new Shard(1, 2), dir.resolve("s1"), false));
        fit.run(new SweepOptions(1, new Shard(2, 2), dir.resolve("s2"), false));
        fit.merge(List.of(dir.resolve("s2"), dir.resolve("s1")), dir.resolve("merged"));
        // an interrupted run: the header, three evaluations and a torn fourth line
        Path resumed = dir.resolve("resumed");
        Files.createDirectories(resumed);
        List<String> lines = Files.readAllLines(dir.resolve("one/evaluations.jsonl"));
        Files.writeString(resumed.resolve("evaluations.jsonl"), String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 20));
        FitRun.Outcome r = fit.run(new SweepOptions(2, Shard.ALL, resumed, true));
        assertEquals(3, r.result().resumed());
        for (String f : List.of("fit.json", "fit.md", "best.yaml", "evaluations.jsonl")) {
            byte[] one = Files.readAllBytes(dir.resolve("one").resolve(f));
            for (String other : List.of("two", "merged", "resumed")) {
                assertArrayEquals(one, Files.readAllBytes(dir.resolve(other).resolve(f)), f + " of " + other);
            }
        }
    }

    @Test
    void aFitParameterThatDoesNotFitItsPathIsLocated() throws Exception {
        String text = Files.readString(Path.of("library/report-2018.yaml")) + "fit:\n  parameters:\n    - {path: kernels.kdump.boot.smmuProbe, range: 1..5}\n";
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> FitRun.prepare("r.yaml", text, List.of(), LOG.toString(), Files.readString(LOG), 4));
        assertEquals("r.yaml", e.file());
        assertTrue(e.line() > 70, e.format());
        assertTrue(e.problem().contains("smmuProbe"), e.format());
    }

    @Test
    void aReportWithNothingToFitIsOneLocatedError() throws Exception {
        String text = Files.readString(Path.of("library/report-2018.yaml"));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> FitRun.prepare("r.yaml", text, List.of(), "chat.log", "hello\nthis is not a console log\n", 4));
        assertEquals("chat.log", e.file());
    }

    /** Budgets of the tests, in terms of the plan's bracket size. */
    static final class SearchPlanBudget {
        static final int TWO_BRACKETS = dev.kdumpsim.scenarios.search.SearchPlan.BRACKET + 3;
    }
}
