package dev.kdumpsim.cli;

import dev.kdumpsim.cli.common.VersionProvider;
import dev.kdumpsim.cli.common.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An unexpected {@link Throwable} (including {@link OutOfMemoryError} and
 * {@link StackOverflowError}) is a bug in kdumpsim: the terminal gets one line naming it as a bug
 * and the file holding the stack trace, the exit code is {@link ExitCodes#INTERNAL_ERROR}. The
 * file is written with the wall clock and pid in its name: it is a diagnostic, not a model output.
 */
final class BugReport {

    /** Where trace files go; tests replace it. */
    static volatile Supplier<Path> directory = () -> Path.of(System.getProperty("java.io.tmpdir"));

    private BugReport() {
    }

    /** Writes the trace file, prints the one line and returns {@link ExitCodes#INTERNAL_ERROR}; never throws. */
    static int report(PrintWriter err, Throwable t, String[] args) {
        String where;
        try {
            where = "stack trace in " + write(t, args);
        } catch (IOException | RuntimeException e) {
            where = "the stack trace could not be written (" + e.getClass().getSimpleName() + ")";
        }
        String hint = t instanceof OutOfMemoryError ? "; a larger heap may help: KDUMPSIM_JAVA_OPTS=-Xmx4g"
                : t instanceof StackOverflowError ? "; a larger stack may help: KDUMPSIM_JAVA_OPTS=-Xss8m" : "";
        try {
            err.println("kdumpsim: internal error (a bug in kdumpsim, please report it): " + describe(t) + "; " + where + hint);
            err.flush();
        } catch (RuntimeException ignored) {
            // nothing left to tell the user with
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String name = t.getClass().getName();
        return m == null || m.isBlank() ? name : name + ": " + m.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static Path write(Throwable t, String[] args) throws IOException {
        Path dir = directory.get();
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "kdumpsim-bug-" + ProcessHandle.current().pid() + "-", ".txt");
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println("kdumpsim " + VersionProvider.version() + " (commit " + VersionProvider.commit() + ", built "
                    + VersionProvider.buildDate() + ")");
            w.println("Java " + System.getProperty("java.version") + " " + System.getProperty("java.vendor") + " on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            w.println("time " + Instant.now());
            w.println("arguments " + String.join(" ", args == null ? new String[0] : args));
            w.println();
            t.printStackTrace(w);
        }
        Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
