package dev.kdumpsim.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kdumpsim bench}: performance measurements of the engine and model paths. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures the simulator's speed (see docs/performance.md).",
        subcommands = {HoldCommand.class, DmaCommand.class, RunBenchCommand.class, PayloadCommand.class, SweepBenchCommand.class, PeakMemoryCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), 
                "Missing a benchmark; one of: " + String.join(", ", spec.subcommands().keySet()));
    }
}
