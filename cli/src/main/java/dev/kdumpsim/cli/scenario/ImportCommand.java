package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.importer.LogImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kdumpsim import LOG... [--lspci FILE...] [--out FILE]}: a scenario from a bug report's
 * console logs (issue #16 item 1). The scenario is loaded before anything is written; bad input
 * is one located line, exit 2, and no file.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Writes a scenario from console logs or dmesg as pasted in a bug report (timestamps or not, mail quoting,",
            "lines wrapped by mail clients, both kernels in one file) and lspci -tv/-nn/-vvv output. The scenario's",
            "expect.log holds the report's distinctive lines; comments name each value the input does not give.",
            "Inputs up to 16 MiB each (docs/import.md)."
        })
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Console logs or dmesg output, in boot order.")
    List<Path> logs;

    @Option(names = "--lspci", arity = "1..*", paramLabel = "FILE", description = "lspci -tv, -nn or -vvv output (topology, IDs, class, FLR, AER).")
    List<Path> lspci = new ArrayList<>();

    @Option(names = "--from-mail", description = "The logs are saved mails (mbox or .eml): skip their header blocks; their Message-IDs are cited in the scenario.")
    boolean fromMail;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the scenario here (atomically) instead of to standard output.")
    String out;

    @Override
    public Integer call() {
        OutputDirectory.File target = out == null ? null : OutputDirectory.file(spec, "--out", out, "imported.yaml");
        LogImport.Result r;
        try {
            r = LogImport.run(logs, lspci, out == null ? "<import>" : out, fromMail);
        } catch (ScenarioException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (target == null) {
            stdout.print(r.yaml());
        } else {
            target.write(r.yaml());
            stdout.printf(java.util.Locale.ROOT, "%s: %s, %d expect.log pattern(s), %d assumption(s) named in its comments%n", out,
                    r.scenario().name(), r.scenario().expect().log().size(), r.assumptions().size());
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
