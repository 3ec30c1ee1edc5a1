package dev.kdumpsim.cli.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.cli.html.TraceHtml;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kdumpsim trace-html TRACE.json [-o FILE.html]}: the trace {@code run --trace} wrote, as a
 * self-contained page of swimlanes (no network: for lab machines that cannot open Perfetto's UI).
 * The trace is read before anything is written; a malformed one is one located line, exit 2.
 */
@Command(name = "trace-html", mixinStandardHelpOptions = true,
        description = {
            "Draws a trace written by 'run FILE --trace TRACE.json' as one self-contained HTML page: every track",
            "(boot phases, log lines, bypass window, DMA by fate, IOMMU register state and event-queue depth, AER",
            "errors, resets) over the whole run and from the panic on. Traces up to 512 MiB."
        })
public final class TraceHtmlCommand implements Callable<Integer> {

    static final long MAX_BYTES = 512L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "A trace.json written by run --trace.")
    Path trace;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the page here (atomically) instead of to standard output.")
    String out;

    @Override
    public Integer call() {
        OutputDirectory.File target = out == null ? null : OutputDirectory.file(spec, "--out", out, "trace.html");
        String page;
        try {
            if (Files.size(trace) > MAX_BYTES) {
                throw new UserInputException(trace + ": larger than 512 MiB (trace a shorter run, e.g. with run-until)");
            }
            try (InputStream in = Files.newInputStream(trace)) {
                String name = trace.getFileName().toString().replaceFirst("\\.json$", "");
                page = TraceHtml.render(in, name);
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new UserInputException(trace + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not a trace: " + e.getOriginalMessage().lines().findFirst().orElse("malformed JSON")
                    + " (give a file written by run FILE --trace TRACE.json)");
        } catch (NoSuchFileException e) {
            throw new UserInputException(trace + ": no such file (write one with run FILE --trace TRACE.json)");
        } catch (IOException e) {
            throw new UserInputException(trace + ": " + e.getMessage() + " (give a file written by run FILE --trace TRACE.json)");
        }
        if (target == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(page);
            stdout.flush();
        } else {
            target.write(page);
        }
        return ExitCodes.OK;
    }
}
