package dev.kdumpsim.cli.bench;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.SetOptions;
import dev.kdumpsim.bench.BenchStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim bench run FILE}: a whole scenario run's DMA transactions per second, end to end. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario end to end as 'kdumpsim run FILE --out DIR' does, without the JVM's start and the file writes",
            "(load, simulate both kernels, report.json text, kernel.log and its terminal summary), and prints its DMA",
            "transactions per second of wall-clock time and per CPU-second of the simulating thread, per iteration and median."
        })
public final class RunBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario value by its dotted path (as for run; repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "5", description = "Measured iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1", description = "Unmeasured warm-up iterations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--max-events", paramLabel = "N", defaultValue = "2000000000",
            description = "Event budget of each run (default: ${DEFAULT-VALUE}, ten times run's).")
    long maxEvents;

    @Override
    public Integer call() {
        SetOptions.check(spec, sets);
        if (iterations < 1 || warmup < 0 || maxEvents < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--iterations and --max-events must be at least 1 and --warmup at least 0");
        }
        EndToEnd.load(file, sets, maxEvents); // a bad file fails before anything is timed
        PrintWriter out = spec.commandLine().getOut();
        double[] wall = new double[iterations];
        double[] cpu = new double[iterations];
        EndToEnd.Timing last = null;
        for (int i = 0; i < warmup + iterations; i++) {
            EndToEnd.Timing t = EndToEnd.run(file, sets, maxEvents);
            boolean isWarmup = i < warmup;
            if (!isWarmup) {
                wall[i - warmup] = t.transactionsPerSecond();
                cpu[i - warmup] = t.transactionsPerCpuSecond();
            }
            out.printf(Locale.ROOT, "%s %d: %,.0f transactions/s, %,.0f per CPU-s (%,d transactions, %,d events, %.3f s)%n",
                    isWarmup ? "warmup" : "iteration", (isWarmup ? i : i - warmup) + 1, t.transactionsPerSecond(),
                    t.transactionsPerCpuSecond(), t.transactions(), t.events(), t.wallNs() / 1e9);
            out.flush();
            last = t;
        }
        out.printf(Locale.ROOT, "median: %,.0f transactions/s, %,.0f per CPU-s (%,d transactions per run)%n",
                BenchStats.median(wall), BenchStats.median(cpu), last.transactions());
        return ExitCodes.OK;
    }
}
