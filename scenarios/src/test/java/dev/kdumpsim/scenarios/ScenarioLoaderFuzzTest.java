package dev.kdumpsim.scenarios;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the loader (Jazzer). In a normal {@code mvn verify} this runs in
 * regression mode over the seed corpus in
 * {@code src/test/resources/dev/kdumpsim/scenarios/ScenarioLoaderFuzzTestInputs/<method>/}
 * (the example scenarios plus inputs that once failed); {@code JAZZER_FUZZ=1} fuzzes for real
 * (docs/scenario-reference.md). Property: any input gives a Scenario or a ScenarioException,
 * and any accepted Scenario assembles and runs under a small event budget without an error other
 * than the budget's own end (so fuzzing reaches the simulator, not only the loader).
 */
class ScenarioLoaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void loaderGivesScenarioOrScenarioException(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Scenario s;
        try {
            s = ScenarioLoader.parse("fuzz.yaml", text, List.of());
        } catch (ScenarioException e) {
            String line = e.format();
            if (line.contains("\n") || e.line() < 1 || e.column() < 1 || !line.startsWith("fuzz.yaml:" + e.line() + ":" + e.column() + ": ")) {
                throw new AssertionError("not a one-line located error: " + line);
            }
            return;
        }
        try {
            ScenarioRunner.run(s, "fuzz", RUN_BUDGET_EVENTS);
        } catch (RunBudget.Exceeded e) {
            // the run reached its budget: bounded, as intended
        }
    }

    /** Events a fuzzed scenario may take in the simulator (small: the corpus runs in every build). */
    static final long RUN_BUDGET_EVENTS = 200_000;
}
