package dev.kdumpsim.cli;

import dev.kdumpsim.cli.common.VersionProvider;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.diff.DiffCommand;
import dev.kdumpsim.cli.bench.BenchCommand;
import dev.kdumpsim.cli.decode.DecodeCommand;
import dev.kdumpsim.cli.scenario.ExplainCommand;
import dev.kdumpsim.cli.scenario.ImportCommand;
import dev.kdumpsim.cli.scenario.RunCommand;
import dev.kdumpsim.cli.scenario.SchemaCommand;
import dev.kdumpsim.cli.scenario.TraceHtmlCommand;
import dev.kdumpsim.cli.scenario.ValidateCommand;
import dev.kdumpsim.cli.sweep.MergeCommand;
import dev.kdumpsim.cli.sweep.SweepCommand;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code kdumpsim} command: entry point and subcommand registry. */
@Command(
        name = "kdumpsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Simulates what DMA does when a Linux machine crashes and boots its kdump kernel behind an IOMMU.",
        subcommands = {RunCommand.class, ValidateCommand.class, ExplainCommand.class, SchemaCommand.class, SweepCommand.class, ImportCommand.class, TraceHtmlCommand.class,
            MergeCommand.class, DiffCommand.class, dev.kdumpsim.cli.search.FitCommand.class, dev.kdumpsim.cli.search.ExploreCommand.class, BenchCommand.class, DecodeCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:an expectation failed",
            "2:bad usage or invalid input",
            "3:internal error (a bug; the stack trace is in the file the message names)"
        })
public final class KdumpSim implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(KdumpSim.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // no subcommand: show what there is, as a usage error
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a command; one of: " + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        // a bug in another thread (a sweep worker, the progress display) must not print a stack trace either
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            BugReport.report(new PrintWriter(System.err, true), t, args);
            System.out.flush();
            Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
        });
        int code;
        try {
            code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        } catch (Throwable t) {
            code = BugReport.report(new PrintWriter(System.err, true), t, args);
        }
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl;
        try {
            cl = newCommandLine(out, err);
        } catch (Throwable t) {
            return BugReport.report(err, t, args);
        }
        return execute(cl, args);
    }

    /** Runs {@code cl}: usage errors and bad input are one line (exit 2), anything unexpected is a bug (exit 3). */
    static int execute(CommandLine cl, String... args) {
        PrintWriter err = cl.getErr();
        int code;
        try {
            LOG.debug("kdumpsim {} on Java {}: {}", VersionProvider.version(), System.getProperty("java.version"), String.join(" ", args));
            code = cl.execute(args);
            LOG.debug("exit code {}", code);
        } catch (Throwable t) {
            // Errors (OutOfMemoryError, StackOverflowError) pass through picocli's execute
            code = BugReport.report(err, t, args);
        }
        cl.getOut().flush();
        err.flush();
        return code;
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new KdumpSim());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserInputException) {
                commandLine.getErr().println("kdumpsim: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            return BugReport.report(commandLine.getErr(), e, parseResult.originalArgs().toArray(new String[0]));
        });
        return cl;
    }
}
