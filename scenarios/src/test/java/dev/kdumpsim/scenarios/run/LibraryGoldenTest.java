package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library scenario runs, passes its own {@code expect:}, and produces exactly its golden
 * kernel.log and report.json (src/test/resources/golden/NAME/). Goldens change only deliberately:
 * regenerate with {@code mvn -pl scenarios test -Dtest=LibraryGoldenTest -Dkdumpsim.updateGolden=true}
 * and review the diff.
 */
class LibraryGoldenTest {

    static final Path LIBRARY = Path.of("library");
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Path> library() throws IOException {
        try (Stream<Path> s = Files.list(LIBRARY)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("library")
    void matchesGoldenOutputAndPassesItsExpectations(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file);
        ScenarioRunner.Outcome o = ScenarioRunner.run(s, "golden");
        assertTrue(o.passed(), file + " failed its expectations: " + o.failures());
        String report = RunReport.toJson(o.report());
        Path dir = GOLDEN.resolve(s.name());
        if (Boolean.getBoolean("kdumpsim.updateGolden")) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kernel.log"), o.kernelLog(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.json"), report, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(dir.resolve("kernel.log")), o.kernelLog(), "kernel.log of " + file);
        assertEquals(Files.readString(dir.resolve("report.json")), report, "report.json of " + file);
    }

    @ParameterizedTest
    @MethodSource("library")
    void ledgerBalancesForOtherSeeds(Path file) throws Exception {
        for (long seed : new long[] {7, 1234}) {
            Scenario s = ScenarioLoader.load(file, List.of("seed=" + seed));
            ScenarioRunner.Outcome o = ScenarioRunner.run(s, "test");
            assertEquals(o.result().issued(), o.result().accounted(), file + " seed " + seed + ": ledger does not balance");
        }
    }

    @org.junit.jupiter.api.Test
    void sameScenarioAndSeedGiveByteIdenticalOutput() throws Exception {
        Scenario s = ScenarioLoader.load(LIBRARY.resolve("report-2018.yaml"));
        ScenarioRunner.Outcome a = ScenarioRunner.run(s, "x");
        ScenarioRunner.Outcome b = ScenarioRunner.run(s, "x");
        assertEquals(a.kernelLog(), b.kernelLog());
        assertEquals(RunReport.toJson(a.report()), RunReport.toJson(b.report()));
    }
}
