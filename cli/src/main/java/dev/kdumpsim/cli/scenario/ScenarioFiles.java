package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.UserInputException;
import dev.kdumpsim.scenarios.ScenarioException;
import dev.kdumpsim.scenarios.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Loading scenarios and writing output files for the scenario commands. */
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

    /** Writes {@code text} to {@code dir/name} through a temporary file and an atomic rename. */
    static void writeAtomically(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot write " + dir.resolve(name) + ": " + e.getMessage()
                    + " (check that --out names a writable directory)");
        }
    }
}
