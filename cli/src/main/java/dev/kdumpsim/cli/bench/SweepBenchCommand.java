package dev.kdumpsim.cli.bench;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.bench.BenchStats;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.sweep.Shard;
import dev.kdumpsim.scenarios.sweep.SweepEngine;
import dev.kdumpsim.scenarios.sweep.SweepInputException;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import dev.kdumpsim.scenarios.sweep.SweepPlan;
import dev.kdumpsim.scenarios.sweep.SweepProgress;
import dev.kdumpsim.scenarios.sweep.SweepResult;
import dev.kdumpsim.scenarios.sweep.VariantRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim bench sweep FILE}: sweep variants per second, end to end as {@code kdumpsim sweep} runs them. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario's sweep as 'kdumpsim sweep FILE' does (plan from the file's text, every variant, every output",
            "file and plot, into a temporary directory deleted afterwards), without the JVM's start; prints variants per",
            "second of wall-clock time per iteration and the median."
        })
public final class SweepBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file with a sweep: section.")
    Path file;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Variants run at once (default: the number of processors).")
    Integer jobs;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "3", description = "Measured sweeps (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1", description = "Unmeasured warm-up sweeps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws InterruptedException {
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1 || iterations < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--jobs and --iterations must be at least 1 and --warmup at least 0");
        }
        VariantRunner runner = ServiceLoader.load(VariantRunner.class).findFirst()
                .orElseThrow(() -> new UserInputException("no " + VariantRunner.class.getName() + " is registered (no simulator in this build)"));
        PrintWriter out = spec.commandLine().getOut();
        double[] rates = new double[iterations];
        int variants = 0;
        for (int i = 0; i < warmup + iterations; i++) {
            Path dir = tempDir();
            try {
                long t0 = System.nanoTime();
                SweepResult r = sweep(runner, threads, dir);
                double seconds = (System.nanoTime() - t0) / 1e9;
                variants = r.variants();
                boolean isWarmup = i < warmup;
                if (!isWarmup) {
                    rates[i - warmup] = variants / seconds;
                }
                out.printf(Locale.ROOT, "%s %d: %.1f variants/s (%d variants, %d passed, %.2f s)%n", isWarmup ? "warmup" : "iteration",
                        (isWarmup ? i : i - warmup) + 1, variants / seconds, variants, r.passed(), seconds);
                out.flush();
            } finally {
                deleteTree(dir);
            }
        }
        out.printf(Locale.ROOT, "median: %.1f variants/s (%d variants, --jobs %d)%n", BenchStats.median(rates), variants, threads);
        return ExitCodes.OK;
    }

    private SweepResult sweep(VariantRunner runner, int threads, Path dir) throws InterruptedException {
        try {
            SweepPlan plan = SweepPlan.create(file.toString(), ScenarioLoader.readText(file), List.of(), List.of(), null,
                    RunBudget.DEFAULT_MAX_EVENTS);
            return SweepEngine.run(plan, runner, new SweepOptions(threads, Shard.ALL, dir, false), SweepProgress.NONE);
        } catch (ScenarioException e) {
            throw new UserInputException(e.format());
        } catch (SweepInputException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + dir + ": " + e.getMessage());
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kdumpsim-bench-sweep");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
