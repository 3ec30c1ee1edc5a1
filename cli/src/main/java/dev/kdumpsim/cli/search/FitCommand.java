package dev.kdumpsim.cli.search;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.fit.FitRun;
import dev.kdumpsim.scenarios.importer.LogText;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.search.SearchInputException;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim fit FILE --log LOG}: the values that reproduce the most report lines (docs/fit.md). */
@Command(
        name = "fit",
        mixinStandardHelpOptions = true,
        description = "Searches what the report does not fix (the file's fit: section, or the seed, the crash instant, DMA rates and "
                + "boot phases) for the values whose simulated kernel.log reproduces the most of the report's distinctive lines (those "
                + "kdumpsim import puts in expect.log). Writes fit.md, fit.json (linesMatched, linesTotal, each line matched / "
                + "matched-at-another-time / missing, and extra lines), best.yaml and evaluations.jsonl to DIR; the same bytes for any "
                + "--jobs. See docs/fit.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the fit ran (how well it matched is in fit.json)",
            "2:bad usage or invalid input (scenario, fit: section, log, --set, shard directories)",
            "3:internal error (a bug; the stack trace is in the file the message names)"
        })
public final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (e.g. one kdumpsim import wrote from the report).")
    Path file;

    @Option(names = "--log", paramLabel = "LOG", required = true, description = "The report's console log (as for kdumpsim import).")
    Path log;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "fit-out", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    SearchArgs args;

    @Override
    public Integer call() throws InterruptedException {
        SweepOptions options = args.options(spec, out);
        FitRun.Outcome o;
        try {
            FitRun fit = FitRun.prepare(file.toString(), ScenarioLoader.readText(file), args.sets, log.toString(), LogText.read(log), args.budget);
            o = args.merge.isEmpty() ? fit.run(options) : fit.merge(args.merge, out);
        } catch (ScenarioException e) {
            throw new UserInputException(e.format());
        } catch (SearchInputException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(file.getFileName() + ": " + o.linesMatched() + " of " + o.linesTotal() + " report lines matched, best of "
                + o.result().evaluations().size() + " run(s)" + (o.result().resumed() > 0 ? " (" + o.result().resumed() + " resumed)" : "")
                + (o.result().manifest().shard() == null ? "" : ", shard " + o.result().manifest().shard()));
        w.println("wrote " + out + ": " + String.join(", ", o.files()));
        w.flush();
        return ExitCodes.OK;
    }
}
