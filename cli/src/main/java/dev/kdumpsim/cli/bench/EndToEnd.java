package dev.kdumpsim.cli.bench;

import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.cli.common.VersionProvider;
import dev.kdumpsim.cli.text.LogSummary;
import dev.kdumpsim.cli.text.Style;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.run.RunReport;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

/**
 * One scenario run timed the way {@code kdumpsim run FILE --out DIR} spends its time, minus the JVM's
 * start and the file writes: load and validate the file, assemble and simulate both kernels, build
 * report.json's text, render kernel.log and summarise it for the terminal (into a discarding sink).
 * Timed in wall-clock time and in the CPU time of the measuring thread: on a shared machine the
 * second moves far less (the simulation is one thread).
 */
final class EndToEnd {

    /** A timed run: what it did and how long it took. */
    record Timing(long transactions, long events, long wallNs, long cpuNs, long logChars) {
        double transactionsPerSecond() {
            return transactions * 1e9 / wallNs;
        }

        double transactionsPerCpuSecond() {
            return transactions * 1e9 / cpuNs;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EndToEnd() {
    }

    /** Loads {@code file} with {@code overrides} once (checks it before anything is timed). */
    static Scenario load(Path file, List<String> overrides, long maxEvents) {
        try {
            return ScenarioLoader.load(file, overrides, maxEvents);
        } catch (ScenarioException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** Runs {@code file} end to end once and times it. */
    static Timing run(Path file, List<String> overrides, long maxEvents) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        Scenario s = load(file, overrides, maxEvents);
        ScenarioRunner.Outcome o;
        try {
            o = ScenarioRunner.run(s, VersionProvider.version(), maxEvents);
        } catch (RunBudget.Exceeded | IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
        String report = RunReport.toJson(o.report());
        Discard log = new Discard();
        try {
            o.kernelLogText().writeTo(log); // streamed as kdumpsim run writes kernel.log
            LogSummary.summarize(o.kernelLogText().lines(), "kernel.log", Style.PLAIN, new Discard());
        } catch (IOException e) {
            throw new IllegalStateException("a discarding sink does not throw", e);
        }
        long wall = System.nanoTime() - wall0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        return new Timing(o.result().issued(), o.machine().simulation().executedEvents(), wall, cpu,
                report.length() + log.chars);
    }

    /** An Appendable that keeps nothing but a count: the text is computed in full and thrown away. */
    private static final class Discard implements Appendable {
        long chars;

        @Override
        public Appendable append(CharSequence csq) {
            chars += csq.length();
            return this;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            chars += end - start;
            return this;
        }

        @Override
        public Appendable append(char c) {
            chars++;
            return this;
        }
    }
}
