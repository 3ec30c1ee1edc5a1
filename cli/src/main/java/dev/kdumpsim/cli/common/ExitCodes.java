package dev.kdumpsim.cli.common;

/** The exit codes kdumpsim documents; scripts and CI rely on them. */
public final class ExitCodes {

    /** Everything ran and every expectation held. */
    public static final int OK = 0;
    /** A scenario ran but an {@code expect:} assertion failed. */
    public static final int EXPECTATION_FAILED = 1;
    /** Bad usage (unknown command or option) or invalid input (scenario file, value). */
    public static final int USAGE = 2;
    /** A bug in kdumpsim: an unexpected exception or error; the stack trace went to a file. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
