package dev.kdumpsim.scenarios.regressions;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kdumpsim.kernel.machine.Machine;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.MachineAssembler;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What broke: {@code validate} and {@code run} disagreed: files validate accepted failed in
 * MachineAssembler or the Machine (see the other regression tests for each precondition). The
 * invariant, over every file of the test corpus (library, examples, the fuzz corpus, the
 * hostile corpus): a file the loader accepts assembles, builds a Machine and runs to its end
 * without an exception. Library files are built here and run in full by LibraryGoldenTest; the
 * others run here with a small event budget (RunBudget.Exceeded ends such a run) and a wall-clock guard.
 */
class ValidatedFilesFailedAtRunTest {

    /** Events each non-library file may run for here (a run past its kdump boot takes a few hundred thousand). */
    static final long SMALL_BUDGET = 500_000;

    static Stream<Path> corpus() throws IOException {
        List<Path> dirs = List.of(Path.of("library"), Path.of("src/test/resources/examples"),
                Path.of("src/test/resources/dev/kdumpsim/scenarios/ScenarioLoaderFuzzTestInputs"), Path.of("src/test/resources/hostile"));
        Stream<Path> all = Stream.empty();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    all = Stream.concat(all, s.filter(Files::isRegularFile).sorted().toList().stream());
                }
            }
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void aFileTheLoaderAcceptsAssemblesAndRuns(Path file) {
        Scenario s;
        try {
            s = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            return; // refused at load: a located error, checked by HostileCorpusTest and the fuzz test
        }
        new Machine(MachineAssembler.assemble(s));
        boolean library = file.startsWith("library") || isLibraryLink(file);
        if (!library) {
            assertTimeoutPreemptively(Hostile.QUICKLY, () -> {
                try {
                    ScenarioRunner.run(s, "test", SMALL_BUDGET);
                } catch (RunBudget.Exceeded e) {
                    // ran until the budget: no precondition failed on the way
                }
            });
        }
    }

    private static boolean isLibraryLink(Path file) {
        try {
            return Files.isSymbolicLink(file) && file.toRealPath().toString().contains("/library/");
        } catch (IOException e) {
            return false;
        }
    }
}
