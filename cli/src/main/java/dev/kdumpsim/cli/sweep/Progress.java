package dev.kdumpsim.cli.sweep;

import dev.kdumpsim.scenarios.sweep.SweepProgress;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** Picks the progress display: a bar on an interactive terminal, plain lines otherwise. */
final class Progress {

    private Progress() {
    }

    /**
     * A bar when there is a console and {@code CI} is unset (on JDK 17 {@code System.console()}
     * is non-null only when stdin and stdout are terminals), else plain lines; CI systems
     * (GitHub Actions, GitLab) set {@code CI}.
     */
    static SweepProgress choose(boolean console, String ciVariable, PrintWriter err, LongSupplier clock) {
        boolean interactive = console && (ciVariable == null || ciVariable.isEmpty());
        return interactive ? new ProgressBar(err, clock) : new PlainProgress(err, clock);
    }
}
