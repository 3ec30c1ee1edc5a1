package dev.kdumpsim.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How many times a whole-run benchmark measures (bench run, payload), after unmeasured warm-up runs. */
final class BenchRounds {

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1", description = "Unmeasured warm-up rounds first (default: ${DEFAULT-VALUE}).")
    int warmup;

    /** Usage errors of {@code spec}: no measured round, a negative warm-up. */
    void check(CommandSpec spec) {
        if (iterations < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--iterations must be at least 1 and --warmup at least 0");
        }
    }
}
