package dev.kdumpsim.cli;

import dev.kdumpsim.cli.bench.BenchCommand;
import dev.kdumpsim.cli.decode.DecodeCommand;
import dev.kdumpsim.cli.scenario.ExplainCommand;
import dev.kdumpsim.cli.scenario.RunCommand;
import dev.kdumpsim.cli.scenario.SchemaCommand;
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
        subcommands = {RunCommand.class, ValidateCommand.class, ExplainCommand.class, SchemaCommand.class, SweepCommand.class,
            MergeCommand.class, BenchCommand.class, DecodeCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:an expectation failed",
            "2:bad usage or invalid input"
        })
public final class KdumpSim implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(KdumpSim.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // no subcommand: show what there is, as a usage error
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command (see the list below)");
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = newCommandLine(out, err);
        LOG.debug("kdumpsim {} on Java {}: {}", VersionProvider.version(), System.getProperty("java.version"), String.join(" ", args));
        int code = cl.execute(args);
        LOG.debug("exit code {}", code);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new KdumpSim());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserInputException) {
                commandLine.getErr().println("kdumpsim: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            throw e;
        });
        return cl;
    }
}
