package dev.kdumpsim.cli.diff;

import dev.kdumpsim.cli.common.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim diff A B}: what changed between two runs (run directories or scenario files). */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two runs: each a run directory (kdumpsim run FILE -o DIR) or a scenario file (run now).",
            "Prints what changed in the verdict, ledger fates, IOMMU events, AER and timeline, then the kernel logs",
            "aligned without timestamps. Exit 0 if nothing changed, 1 if something did, 2 for bad input."})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "Run directory or scenario file.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Run directory or scenario file.")
    Path b;

    @Option(names = "--log-lines", paramLabel = "N", defaultValue = "200",
            description = "Print at most N changed log lines (default ${DEFAULT-VALUE}); 0 for none.")
    int logLines;

    @Override
    public Integer call() {
        RunRecord ra = RunRecord.of(a);
        RunRecord rb = RunRecord.of(b);
        PrintWriter w = spec.commandLine().getOut();
        w.println("--- " + ra.label());
        w.println("+++ " + rb.label());
        Map<String, List<String>> changes = ReportDiff.changes(ra.report(), rb.report());
        for (var e : changes.entrySet()) {
            w.println("## " + e.getKey());
            e.getValue().forEach(l -> w.println("  " + l));
        }
        List<LogDiff.Edit> edits = LogDiff.diff(ra.log(), rb.log());
        boolean logChanged;
        w.println("## log (timestamps ignored)");
        if (edits == null) {
            logChanged = true;
            w.println("  the logs differ in more than " + LogDiff.MAX_EDITS + " lines (" + ra.log().size() + " vs "
                    + rb.log().size() + " lines)");
        } else {
            List<String> rendered = LogDiff.render(edits);
            logChanged = !rendered.isEmpty();
            if (!logChanged) {
                w.println("  identical");
            }
            rendered.stream().limit(Math.max(0, logLines)).forEach(l -> w.println("  " + l));
            if (rendered.size() > logLines) {
                w.println("  ... " + (rendered.size() - logLines) + " more changed lines (--log-lines N)");
            }
        }
        w.flush();
        return changes.isEmpty() && !logChanged ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
