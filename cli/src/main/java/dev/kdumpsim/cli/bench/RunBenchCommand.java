package dev.kdumpsim.cli.bench;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.bench.BenchStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    BenchScenario scenario;

    @Mixin
    BenchRounds rounds;

    @Override
    public Integer call() {
        scenario.check(spec);
        rounds.check(spec);
        Path file = scenario.file;
        List<String> sets = scenario.sets;
        long maxEvents = scenario.maxEvents;
        int iterations = rounds.iterations;
        int warmup = rounds.warmup;
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
