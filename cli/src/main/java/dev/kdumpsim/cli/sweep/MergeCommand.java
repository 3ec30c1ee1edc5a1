package dev.kdumpsim.cli.sweep;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.scenarios.sweep.SweepInputException;
import dev.kdumpsim.scenarios.sweep.SweepMerge;
import dev.kdumpsim.scenarios.sweep.SweepResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim merge DIR... --out DIR}: shard outputs to the files of the unsharded sweep. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = "Combines the output directories of a sweep's shards (kdumpsim sweep --shard K/N) into exactly the files "
                + "the unsharded sweep writes. Every variant must be in exactly one directory.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:merged; every variant passed",
            "1:merged; a variant failed an expectation or crashed",
            "2:bad usage, or the directories are not the complete shards of one sweep",
            "3:internal error (a bug; the stack trace is in the file the message names)"
        })
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Output directories of the shards.")
    List<Path> shards;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Directory for the merged files.")
    Path out;

    @Override
    public Integer call() {
        SweepResult result;
        try {
            result = SweepMerge.merge(shards, out);
        } catch (SweepInputException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot merge into " + out + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        SweepCommand.report(spec.commandLine().getOut(), "merged " + shards.size() + " shard(s)", result, out);
        return result.allPassed() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
