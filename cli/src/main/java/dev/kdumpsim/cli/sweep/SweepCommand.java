package dev.kdumpsim.cli.sweep;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.SetOptions;
import dev.kdumpsim.cli.common.UserInputException;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim sweep FILE}: runs every variant of a scenario's sweep (docs/sweeps.md). */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = "Runs the scenario's sweep: every combination of the sweep parameters' values (minus exclusions) with K seeds "
                + "each, in parallel. Writes results.csv, results.jsonl, summary.md, junit.xml, a corruption heatmap and per-policy "
                + "charts (PNG and SVG) and sweep.json to DIR; the files are the same bytes for any --jobs. See docs/sweeps.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every variant passed its expectations",
            "1:a variant failed an expectation or crashed, or no simulator is available",
            "2:bad usage or invalid input (scenario, --param, --set, journal)",
            "3:internal error (a bug; the stack trace is in the file the message names)"
        })
public final class SweepCommand implements Callable<Integer> {

    /** Where the simulator comes from; tests replace it. */
    static volatile Supplier<Optional<VariantRunner>> runners = () -> ServiceLoader.load(VariantRunner.class).findFirst();
    /** Progress clock in nanoseconds; tests replace it. */
    static volatile LongSupplier clock = System::nanoTime;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file with a sweep: section (or use --param).")
    Path file;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Variants run at once (default: the number of processors).")
    Integer jobs;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "sweep-out", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--param", paramLabel = "PATH=V1,V2,...",
            description = "Sweep this parameter over these values (replaces the file's parameter of the same path); "
                    + "items may be ranges lo..hi, lo..hi:step, lo..hi:*factor. Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "K", description = "Seeds per parameter point (overrides sweep.seeds).")
    Integer seeds;

    @Option(names = "--shard", paramLabel = "K/N", description = {"Run only shard k of n: variants i with i mod n = k-1 (for CI matrices).",
        "'auto' reads k and n from GitLab parallel (CI_NODE_INDEX/CI_NODE_TOTAL) or a Slurm array",
        "(SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT); 'auto/N' takes n = N (Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX)."})
    String shard;

    @Option(names = "--max-events", paramLabel = "N",
            description = "Event budget per variant: variants estimated above N are refused at plan time (default 200,000,000).")
    Long maxEventsOption;

    /** The environment --shard auto reads (tests replace it). */
    java.util.Map<String, String> env = System.getenv();

    @Option(names = "--resume", description = "Continue an interrupted sweep from DIR's journal, without rerunning finished variants.")
    boolean resume;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario value for every variant (as for run). Repeatable.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        SetOptions.check(spec, sets);
        Shard slice = AutoShard.option(spec, shard, env);
        int threads = AutoShard.jobs(spec, jobs);
        SweepPlan plan;
        try {
            plan = SweepPlan.create(file.toString(), ScenarioLoader.readText(file), sets, params, seeds,
                    maxEventsOption == null ? RunBudget.DEFAULT_MAX_EVENTS : maxEventsOption);
        } catch (ScenarioException e) {
            throw new UserInputException(e.format());
        }
        PrintWriter err = spec.commandLine().getErr();
        Optional<VariantRunner> runner = runners.get();
        if (runner.isEmpty()) {
            err.println("kdumpsim: no simulator to run sweep variants: no " + VariantRunner.class.getName()
                    + " is registered in META-INF/services (this build has no scenario runner)");
            return ExitCodes.EXPECTATION_FAILED;
        }
        SweepProgress progress = Progress.choose(System.console() != null, System.getenv("CI"), err, clock);
        SweepResult result;
        try {
            result = SweepEngine.run(plan, runner.get(), new SweepOptions(threads, slice, out, resume), progress);
        } catch (ScenarioException e) {
            throw new UserInputException(e.format());
        } catch (SweepInputException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        report(spec.commandLine().getOut(), plan.manifest().scenario() + (slice.isAll() ? "" : " shard " + slice), result, out);
        return result.allPassed() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }

    static void report(PrintWriter out, String what, SweepResult r, Path dir) {
        out.println(what + ": " + r.variants() + " variants, " + r.passed() + " passed, " + r.failed() + " failed, " + r.errors() + " crashed"
                + (r.resumed() > 0 ? " (" + r.resumed() + " resumed)" : ""));
        out.println("wrote " + dir + ": " + String.join(", ", r.files()));
        out.flush();
    }
}
