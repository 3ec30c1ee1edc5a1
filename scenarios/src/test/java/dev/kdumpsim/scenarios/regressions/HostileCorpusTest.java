package dev.kdumpsim.scenarios.regressions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.scenarios.sweep.SweepPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus (src/test/resources/hostile: one file per finding of the regression
 * tests, plus valid files in unusual form): every file gives a located one-line error or loads
 * and runs (under a small event budget), within a few seconds, and nothing else escapes: no
 * stack trace, no Error, no exception other than ScenarioException (and RunBudget.Exceeded for a
 * run stopped at its budget). Files with a sweep: section are also planned as a sweep.
 */
class HostileCorpusTest {

    static final Path DIR = Path.of("src/test/resources/hostile");
    static final Duration FEW_SECONDS = Duration.ofSeconds(10);

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyFileIsALocatedErrorOrRuns(Path file) {
        assertTimeoutPreemptively(FEW_SECONDS, () -> {
            try {
                Scenario s = ScenarioLoader.load(file);
                try {
                    ScenarioRunner.run(s, "hostile", 300_000);
                } catch (RunBudget.Exceeded e) {
                    // stopped at its budget: a clean end
                }
                if (s.sweep().isPresent()) {
                    SweepPlan.create(file.toString(), ScenarioLoader.readText(file), List.of(), List.of(), null);
                }
            } catch (ScenarioException e) {
                String line = e.format();
                assertTrue(line.startsWith(file + ":" + e.line() + ":" + e.column() + ": ") && e.line() >= 1 && e.column() >= 1,
                        "not located: " + line);
                assertFalse(line.contains("\n") || line.contains("\tat ") || line.contains("Exception") || line.contains("Error:"), line);
            } catch (Throwable t) {
                StringWriter w = new StringWriter();
                t.printStackTrace(new PrintWriter(w));
                fail(file + " escaped the loader or the run with " + w);
            }
        });
    }
}
