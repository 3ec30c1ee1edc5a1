package dev.kdumpsim.cli.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.cli.common.VersionProvider;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.RunReport;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of a diff: a run's report.json (as a tree) and its kernel.log lines, read from a run
 * directory ({@code kdumpsim run --out DIR}) or made by running a scenario file.
 */
record RunRecord(String label, JsonNode report, List<String> log) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RunRecord of(Path path) {
        if (Files.isDirectory(path)) {
            Path report = path.resolve("report.json");
            Path log = path.resolve("kernel.log");
            if (!Files.isRegularFile(report) || !Files.isRegularFile(log)) {
                throw new UserInputException(path + ": not a run directory (no report.json and kernel.log; make one with"
                        + " 'kdumpsim run FILE -o DIR')");
            }
            try {
                return new RunRecord(path.toString(), JSON.readTree(report.toFile()),
                        Files.readAllLines(log, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserInputException(report + ": cannot read: " + e.getMessage());
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new UserInputException(path + ": no such scenario file or run directory");
        }
        try {
            ScenarioRunner.Outcome o = ScenarioRunner.run(ScenarioLoader.load(path, List.of()), VersionProvider.version());
            return new RunRecord(path.toString(), JSON.readTree(RunReport.toJson(o.report())), o.kernelLog().lines().toList());
        } catch (ScenarioException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("report.json of " + path + " does not parse", e);
        }
    }
}
