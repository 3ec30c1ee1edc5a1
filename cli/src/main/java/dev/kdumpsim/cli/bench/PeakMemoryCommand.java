package dev.kdumpsim.cli.bench;

import dev.kdumpsim.cli.common.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kdumpsim bench peak-memory FILE}: how much memory one run needs. */
@Command(
        name = "peak-memory",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario once end to end (as bench run) and prints the most heap in use right after any garbage",
            "collection (an upper bound of what the run kept live), the heap's peak use with garbage, the process's peak",
            "resident set (Linux) and the heap limit. Give the JVM a small -Xmx (KDUMPSIM_JAVA_OPTS) to see whether a run fits."
        })
public final class PeakMemoryCommand implements Callable<Integer> {

    private static final double MIB = 1024.0 * 1024.0;

    @Spec
    CommandSpec spec;

    @Mixin
    BenchScenario scenario;

    @Override
    public Integer call() {
        scenario.check(spec);
        Path file = scenario.file;
        List<String> sets = scenario.sets;
        long maxEvents = scenario.maxEvents;
        EndToEnd.load(file, sets, maxEvents); // a bad file fails before anything is measured
        EndToEnd.Timing t;
        long afterGc;
        long collections;
        try (MemoryWatch watch = new MemoryWatch()) {
            t = EndToEnd.run(file, sets, maxEvents);
            afterGc = watch.maxAfterGc();
            collections = watch.collections();
        }
        long rss = MemoryWatch.peakRss();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "run: %,d transactions, %,d events, %.2f s, %,d characters of kernel.log and report.json%n",
                t.transactions(), t.events(), t.wallNs() / 1e9, t.logChars());
        out.printf(Locale.ROOT, "heap after GC: %s (max over %d collections)%n",
                collections == 0 ? "no collection ran" : String.format(Locale.ROOT, "%.1f MiB", afterGc / MIB), collections);
        out.printf(Locale.ROOT, "heap peak with garbage: %.1f MiB; heap limit %.1f MiB%n",
                MemoryWatch.peakHeapUsed() / MIB, Runtime.getRuntime().maxMemory() / MIB);
        out.printf(Locale.ROOT, "peak RSS: %s%n", rss < 0 ? "unknown (no /proc/self/status)" : String.format(Locale.ROOT, "%.1f MiB", rss / MIB));
        return ExitCodes.OK;
    }
}
