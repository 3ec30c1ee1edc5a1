package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunBudget;
import java.nio.file.Path;
import java.util.List;

/** Loading scenarios for the scenario commands. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** Loads a scenario or throws the loader's one-line error as a {@link UserInputException}. */
    static Scenario load(Path file, List<String> overrides) {
        return load(file, overrides, RunBudget.DEFAULT_MAX_EVENTS);
    }

    /** Loads a scenario under an event budget ({@code --max-events}). */
    static Scenario load(Path file, List<String> overrides, long maxEvents) {
        if (maxEvents < 1) {
            throw new UserInputException("--max-events must be at least 1, not " + maxEvents);
        }
        try {
            return ScenarioLoader.load(file, overrides, maxEvents);
        } catch (ScenarioException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
