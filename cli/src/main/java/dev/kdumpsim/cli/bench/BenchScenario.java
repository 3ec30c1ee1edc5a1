package dev.kdumpsim.cli.bench;

import dev.kdumpsim.cli.common.SetOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The scenario a whole-run benchmark measures (bench run, payload, peak-memory): the file, its
 * {@code --set} overrides and each run's event budget, checked once the same way for all three.
 */
final class BenchScenario {

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario value by its dotted path (as for run; repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--max-events", paramLabel = "N", defaultValue = "2000000000",
            description = "Event budget of each run (default: ${DEFAULT-VALUE}, ten times run's).")
    long maxEvents;

    /** Usage errors of {@code spec}: a malformed --set, a budget below 1. */
    void check(CommandSpec spec) {
        SetOptions.check(spec, sets);
        if (maxEvents < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-events must be at least 1");
        }
    }
}
