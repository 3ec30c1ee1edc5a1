package dev.kdumpsim.cli.search;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.explore.ExploreRun;
import dev.kdumpsim.scenarios.explore.Harm;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.search.SearchInputException;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim explore FILE --objective HARM}: the worst timing the search finds (docs/fit.md). */
@Command(
        name = "explore",
        mixinStandardHelpOptions = true,
        description = "Searches timing (the file's fit: section, or the seed, the crash instant and the kdump kernel's boot phases) for "
                + "the most harm of one kind. Writes explore.md, explore.json (the worst case, runs that reached the harm, the share of "
                + "random seeds that reach it at the file's and the worst case's timing), worst.yaml and evaluations.jsonl to DIR; the "
                + "same bytes for any --jobs. Exit 1 when a run reached the harm: a mitigation is shown safe within the budget only with "
                + "exit 0. See docs/fit.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no run reached the harm within the budget",
            "1:a run reached the harm (worst.yaml reproduces it)",
            "2:bad usage or invalid input (scenario, fit: section, --objective, --set, shard directories)",
            "3:internal error (a bug; the stack trace is in the file the message names)"
        })
public final class ExploreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file.")
    Path file;

    @Option(names = "--objective", paramLabel = "HARM", required = true,
            description = "What to maximise: kdump-corrupted, dump-lost or kdump-died.")
    String objective;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "8",
            description = "Random seeds run at the file's timing and at the worst case's, for the shares (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "explore-out", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    SearchArgs args;

    @Override
    public Integer call() throws InterruptedException {
        SweepOptions options = args.options(spec, out);
        Harm harm;
        try {
            harm = Harm.bySpecName(objective.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--objective: " + e.getMessage());
        }
        ExploreRun.Outcome o;
        try {
            ExploreRun run = ExploreRun.prepare(file.toString(), ScenarioLoader.readText(file), args.sets, harm, args.budget, seeds);
            o = args.merge.isEmpty() ? run.run(options) : run.merge(args.merge, out, options.jobs());
        } catch (ScenarioException e) {
            throw new UserInputException(e.format());
        } catch (SearchInputException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(file.getFileName() + ": " + harm.specName() + (o.reached() ? " reached in " + o.reachedRuns() + " of " : " not reached in ")
                + o.result().evaluations().size() + " run(s); random seeds reach it " + o.fileShare().reached() + "/" + o.fileShare().tried()
                + " at the file's timing, " + o.worstShare().reached() + "/" + o.worstShare().tried() + " at the worst case's"
                + (o.result().manifest().shard() == null ? "" : " (shard " + o.result().manifest().shard() + ")"));
        w.println("wrote " + out + ": " + String.join(", ", o.files()));
        w.flush();
        return o.reached() ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }
}
