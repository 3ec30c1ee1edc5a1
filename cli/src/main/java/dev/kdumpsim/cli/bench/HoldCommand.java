package dev.kdumpsim.cli.bench;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.SeedConverter;
import dev.kdumpsim.bench.HoldBenchmark;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kdumpsim bench hold}: the classic hold model through the engine's scheduling API. */
@Command(
        name = "hold",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the hold model: N pending events; each executed event schedules one more at now + Exp(1).",
            "Prints events/s per measured iteration and the median; with --json the last line is one JSON object."
        })
public final class HoldCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pending", paramLabel = "N", defaultValue = "1000", description = "Events kept pending (default: ${DEFAULT-VALUE}).")
    int pending;

    @Option(names = "--events", paramLabel = "E", defaultValue = "10000000", description = "Events executed per iteration (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "5", description = "Measured iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "3", description = "Unmeasured warm-up iterations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = {"-s", "--seed"}, paramLabel = "SEED", defaultValue = "1", converter = SeedConverter.class,
            description = "Seed of the hold stream, decimal or 0x hex (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "End with one JSON line: {\"pending\":N,\"events\":E,\"eventsPerSecond\":{\"median\":..,\"min\":..,\"max\":..}}.")
    boolean json;

    @Override
    public Integer call() {
        if (pending < 1 || events < 1 || iterations < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--pending, --events and --iterations must be at least 1 and --warmup at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "hold model: pending=%d events=%d warmup=%d iterations=%d seed=%d%n",
                pending, events, warmup, iterations, seed);
        HoldBenchmark.Result r = HoldBenchmark.run(pending, events, iterations, warmup, seed, (i, isWarmup, eps) -> {
            out.printf(Locale.ROOT, "%s %d: %,.0f events/s%n", isWarmup ? "warmup" : "iteration", i + 1, eps);
            out.flush();
        });
        out.printf(Locale.ROOT, "median: %,.0f events/s (min %,.0f, max %,.0f)%n", r.median(), r.min(), r.max());
        if (json) {
            out.printf(Locale.ROOT, "{\"pending\":%d,\"events\":%d,\"eventsPerSecond\":{\"median\":%.0f,\"min\":%.0f,\"max\":%.0f}}%n",
                    pending, events, r.median(), r.min(), r.max());
        }
        return ExitCodes.OK;
    }
}
