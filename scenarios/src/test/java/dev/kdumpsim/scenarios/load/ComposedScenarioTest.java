package dev.kdumpsim.scenarios.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A file composed once gives every variant what parsing its text again would. */
class ComposedScenarioTest {

    private static final Path LIBRARY = Path.of("library");

    @Test
    void everyLibraryFileBindsTheSameFromItsComposedTree() throws IOException, ScenarioException {
        List<Path> files;
        try (Stream<Path> s = Files.list(LIBRARY)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "library files found: " + files);
        for (Path f : files) {
            String text = Files.readString(f);
            ComposedScenario composed = ComposedScenario.of(f.toString(), text);
            List<String> sets = List.of("seed=7");
            Scenario fromText = ScenarioLoader.parse(f.toString(), text, sets, RunBudget.DEFAULT_MAX_EVENTS);
            assertEquals(fromText, ScenarioLoader.parse(composed, sets, RunBudget.DEFAULT_MAX_EVENTS), f.toString());
        }
    }

    @Test
    void oneVariantsOverridesDoNotLeakIntoTheNext() throws IOException, ScenarioException {
        Path f = LIBRARY.resolve("report-2018.yaml");
        ComposedScenario composed = ComposedScenario.of(f.toString(), Files.readString(f));
        Scenario first = ScenarioLoader.parse(composed, List.of("seed=11", "kernels.first.drivers[0].dmaRatePerSec=1234"),
                RunBudget.DEFAULT_MAX_EVENTS);
        Scenario second = ScenarioLoader.parse(composed, List.of(), RunBudget.DEFAULT_MAX_EVENTS);
        assertEquals(11, first.seed());
        assertEquals(ScenarioLoader.parse(f.toString(), Files.readString(f), List.of(), RunBudget.DEFAULT_MAX_EVENTS), second);
    }

    @Test
    void aBadOverrideIsLocatedAsWhenParsingTheText() throws IOException, ScenarioException {
        Path f = LIBRARY.resolve("report-2018.yaml");
        String text = Files.readString(f);
        List<String> bad = List.of("platform.smmu.nosuchkey=1");
        ScenarioException a = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(f.toString(), text, bad, 1000));
        ScenarioException b = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(ComposedScenario.of(f.toString(), text), bad, 1000));
        assertEquals(a.getMessage(), b.getMessage());
    }
    @Test
    void anAliasedValueIsOneNodeInEveryCopy() throws IOException, ScenarioException {
        Path f = LIBRARY.resolve("report-2018.yaml");
        String text = Files.readString(f).replaceFirst("(?m)^(    cmdline: )(.*)$", "$1&cmd $2")
                .replace("cmdline: \"console=ttyAMA0,115200 reset_devices maxcpus=1\"", "cmdline: *cmd");
        assertTrue(text.contains("&cmd") && text.contains("*cmd"), "the fixture uses an anchor and its alias");
        ComposedScenario composed = ComposedScenario.of(f.toString(), text);
        for (int i = 0; i < 2; i++) {
            assertEquals(ScenarioLoader.parse(f.toString(), text, List.of(), RunBudget.DEFAULT_MAX_EVENTS),
                    ScenarioLoader.parse(composed, List.of(), RunBudget.DEFAULT_MAX_EVENTS));
        }
    }
}
