package dev.kdumpsim.cli;

import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.cli.common.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorReportingTest {

    @TempDir
    Path bugs;

    @BeforeEach
    void redirectTraces() {
        BugReport.directory = () -> bugs;
    }

    @AfterEach
    void restore() {
        BugReport.directory = () -> Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A command that throws what the test gives it, to stand for a bug anywhere below the CLI. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final Supplier<Throwable> thrown;

        Boom(Supplier<Throwable> thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() throws Exception {
            Throwable t = thrown.get();
            if (t instanceof Exception e) {
                throw e;
            }
            throw (Error) t;
        }
    }

    static int depth(int n) {
        return n == Integer.MIN_VALUE ? 0 : 1 + depth(n + 1);
    }

    static CliRunner boom(Supplier<Throwable> t) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KdumpSim.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.addSubcommand("boom", new Boom(t));
        cl.setOut(new PrintWriter(out, true)); // reaches the new subcommand too
        cl.setErr(new PrintWriter(err, true));
        int code = KdumpSim.execute(cl, "boom");
        return new CliRunner(code, out.toString(), err.toString());
    }

    void assertBug(CliRunner r, String name) throws Exception {
        assertEquals(ExitCodes.INTERNAL_ERROR, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("kdumpsim: internal error (a bug in kdumpsim, please report it): " + name), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Matcher m = Pattern.compile("stack trace in (\\S+\\.txt)").matcher(r.err());
        assertTrue(m.find(), r.err());
        Path trace = Path.of(m.group(1));
        assertEquals(bugs, trace.getParent());
        String text = Files.readString(trace);
        assertTrue(text.contains(name), text);
        assertTrue(text.contains("\tat dev.kdumpsim.cli."), text);
        assertTrue(text.startsWith("kdumpsim "), text);
    }

    @Test
    void anUnexpectedExceptionIsOneLineNamingABugExitThreeAndTheTraceInAFile() throws Exception {
        assertBug(boom(() -> new NullPointerException("x is null")), "java.lang.NullPointerException: x is null");
    }

    @Test
    void outOfMemoryIsABugWithAHeapHint() throws Exception {
        CliRunner r = boom(() -> new OutOfMemoryError("Java heap space"));
        assertBug(r, "java.lang.OutOfMemoryError: Java heap space");
        assertTrue(r.err().contains("KDUMPSIM_JAVA_OPTS=-Xmx"), r.err());
    }

    @Test
    void stackOverflowIsABug() throws Exception {
        CliRunner r = boom(() -> {
            try {
                depth(0);
                return new AssertionError("no overflow");
            } catch (StackOverflowError e) {
                return e;
            }
        });
        assertBug(r, "java.lang.StackOverflowError");
        assertTrue(r.err().contains("-Xss"), r.err());
    }

    @Test
    void anUnwritableTraceDirectoryStillGivesOneLineAndExitThree() throws Exception {
        Path file = Files.writeString(bugs.resolve("not-a-dir"), "");
        BugReport.directory = () -> file;
        CliRunner r = boom(IllegalStateException::new);
        assertEquals(ExitCodes.INTERNAL_ERROR, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("java.lang.IllegalStateException; the stack trace could not be written"), r.err());
    }

    @Test
    void badInputStaysOneLineExitTwo() {
        CliRunner r = boom(() -> new UserInputException("f.yaml:3:4: bad value (write 7)"));
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("kdumpsim: f.yaml:3:4: bad value (write 7)\n", r.err());
    }

    @Test
    void aUsageErrorIsOneLinePlusWhereToReadMore() {
        CliRunner r = CliRunner.run("run", "x.yaml", "--bogus");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals(List.of("kdumpsim: Unknown option: '--bogus'", "try 'kdumpsim run --help'"), r.err().lines().toList());
        CliRunner sub = CliRunner.run("decode", "tlp", "--json");
        assertEquals(ExitCodes.USAGE, sub.exitCode());
        assertEquals(2, sub.err().lines().count(), sub.err());
        assertTrue(sub.err().endsWith("try 'kdumpsim decode tlp --help'\n"), sub.err());
        assertFalse(sub.err().contains("Usage:"), sub.err());
    }

    @Test
    void aMisspeltCommandGetsASuggestion() {
        CliRunner r = CliRunner.run("runn");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("did you mean run"), r.err());
        assertTrue(r.err().endsWith("try 'kdumpsim --help'\n"), r.err());
    }

    @Test
    void aMissingCommandListsTheCommands() {
        CliRunner r = CliRunner.run("bench");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals(List.of("kdumpsim: Missing a benchmark; one of: hold, dma, run, payload, sweep, peak-memory", "try 'kdumpsim bench --help'"), r.err().lines().toList());
    }
}
