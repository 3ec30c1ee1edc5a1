package dev.kdumpsim.scenarios.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.binding.Json;
import dev.kdumpsim.scenarios.importer.LogImport;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library of public reports (scenarios/library/reports/NAME/: report.log with its source in a
 * header, scenario.yaml imported and fitted, fit.json committed): import runs on each committed
 * report text, fit.json counts the lines import finds, says at least 80% of them matched, and the
 * fitted scenario's own run matches as many as fit.json says (so the committed result cannot go stale).
 */
class ReportLibraryTest {

    static Stream<Path> reports() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("library/reports"))) {
            return s.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("reports")
    void importAndFitReproduceFourFifthsOfTheReport(Path dir) throws Exception {
        Path log = dir.resolve("report.log");
        String text = Files.readString(log);
        assertTrue(text.startsWith("# Source: "), "the report's source is in its header");
        LogImport.Result imported = LogImport.fromText(Map.of(log.toString(), text), Map.of(), "imported.yaml");
        assertFalse(imported.facts().distinctive.isEmpty());

        Map<?, ?> fit = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("fit.json")));
        int matched = ((Number) fit.get("linesMatched")).intValue();
        int total = ((Number) fit.get("linesTotal")).intValue();
        FitObjective objective = FitObjective.of(Map.of(log.toString(), text), imported.scenario());
        assertEquals(objective.reportLines().size(), total, "fit.json counts the lines import finds in the committed text");
        assertTrue(matched * 5 >= total * 4, dir + ": " + matched + " of " + total + " lines, under 80%");

        Scenario fitted = ScenarioLoader.load(dir.resolve("scenario.yaml"));
        Map<String, Object> again = new LineMatcher(objective.reportLines(), FitObjective.DEFAULT_TOLERANCE_NS / 1e9)
                .classify(ScenarioRunner.run(fitted, "library").kernelLog());
        assertEquals(matched, ((Number) again.get("linesMatched")).intValue(), "the fitted scenario's run matches what fit.json says");
        List<?> lines = (List<?>) fit.get("lines");
        assertEquals(total, lines.size());
    }
}
