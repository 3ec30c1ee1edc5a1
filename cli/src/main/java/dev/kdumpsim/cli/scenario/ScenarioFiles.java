package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.UserInputException;
import dev.kdumpsim.scenarios.ScenarioException;
import dev.kdumpsim.scenarios.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import java.nio.file.Path;
import java.util.List;

/** Loading scenarios for the scenario commands. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** Loads a scenario or throws the loader's one-line error as a {@link UserInputException}. */
    static Scenario load(Path file, List<String> overrides) {
        try {
            return ScenarioLoader.load(file, overrides);
        } catch (ScenarioException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
