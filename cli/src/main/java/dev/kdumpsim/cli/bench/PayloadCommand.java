package dev.kdumpsim.cli.bench;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.bench.BenchStats;
import dev.kdumpsim.scenarios.model.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kdumpsim bench payload FILE}: the same run with every driver's DMA buffers small and
 * large, side by side: what a transaction costs should not depend on how many bytes it carries.
 */
@Command(
        name = "payload",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario end to end (as bench run) with every driver's bufferSize, in both kernels, set to --small",
            "and then to --large, rounds interleaved; prints each size's median transactions per CPU-second and per",
            "wall-clock second, and what a large-buffer transaction costs relative to a small one (1.00x: the cost does",
            "not grow with the payload)."
        })
public final class PayloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BenchScenario scenario;

    @Mixin
    BenchRounds rounds;

    @Option(names = "--small", paramLabel = "SIZE", defaultValue = "64", description = "Small buffer size (default: ${DEFAULT-VALUE} bytes).")
    String small;

    @Option(names = "--large", paramLabel = "SIZE", defaultValue = "2KiB", description = "Large buffer size (default: ${DEFAULT-VALUE}).")
    String large;

    @Override
    public Integer call() {
        scenario.check(spec);
        rounds.check(spec);
        Path file = scenario.file;
        List<String> sets = scenario.sets;
        long maxEvents = scenario.maxEvents;
        int iterations = rounds.iterations;
        int warmup = rounds.warmup;
        Scenario s = EndToEnd.load(file, sets, maxEvents);
        List<String> smallSets = withBufferSize(s, small);
        List<String> largeSets = withBufferSize(s, large);
        EndToEnd.load(file, smallSets, maxEvents); // both sizes are valid before anything is timed
        EndToEnd.load(file, largeSets, maxEvents);
        PrintWriter out = spec.commandLine().getOut();
        double[][] cpu = new double[2][iterations];
        double[][] wall = new double[2][iterations];
        long[] transactions = new long[2];
        for (int i = 0; i < warmup + iterations; i++) {
            for (int k = 0; k < 2; k++) {
                EndToEnd.Timing t = EndToEnd.run(file, k == 0 ? smallSets : largeSets, maxEvents);
                boolean isWarmup = i < warmup;
                if (!isWarmup) {
                    cpu[k][i - warmup] = t.transactionsPerCpuSecond();
                    wall[k][i - warmup] = t.transactionsPerSecond();
                }
                transactions[k] = t.transactions();
                out.printf(Locale.ROOT, "%s %d, bufferSize=%s: %,.0f per CPU-s, %,.0f transactions/s (%,d transactions)%n",
                        isWarmup ? "warmup" : "iteration", (isWarmup ? i : i - warmup) + 1, k == 0 ? small : large,
                        t.transactionsPerCpuSecond(), t.transactionsPerSecond(), t.transactions());
                out.flush();
            }
        }
        double smallCpu = BenchStats.median(cpu[0]);
        double largeCpu = BenchStats.median(cpu[1]);
        out.printf(Locale.ROOT, "median: bufferSize=%s %,.0f per CPU-s (%,.0f/s), bufferSize=%s %,.0f per CPU-s (%,.0f/s): "
                        + "a large-buffer transaction costs %.2fx a small one by CPU time, %.2fx by wall clock "
                        + "(%,d and %,d transactions)%n",
                small, smallCpu, BenchStats.median(wall[0]), large, largeCpu, BenchStats.median(wall[1]),
                smallCpu / largeCpu, BenchStats.median(wall[0]) / BenchStats.median(wall[1]), transactions[0], transactions[1]);
        return ExitCodes.OK;
    }

    /** The user's --set list plus every driver's bufferSize in both kernels. */
    private List<String> withBufferSize(Scenario s, String size) {
        List<String> out = new ArrayList<>(scenario.sets);
        int first = s.kernels().first().drivers().size();
        int kdump = s.kernels().kdump().drivers().size();
        for (int i = 0; i < first; i++) {
            out.add("kernels.first.drivers[" + i + "].bufferSize=" + size);
        }
        for (int i = 0; i < kdump; i++) {
            out.add("kernels.kdump.drivers[" + i + "].bufferSize=" + size);
        }
        return out;
    }
}
