package dev.kdumpsim.scenarios.error;

/**
 * One scenario error, reported compiler-style as {@code file:line:col: message (hint)} so editors
 * and CI can annotate it. Errors in a {@code --set path=value} override have no line: they print
 * as {@code --set path: message (hint)}. Line and column are 1-based; 0 means "no position"
 * (never -1).
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The hint of every run-budget error (the estimate of a run is over its budget); sweeps record such a variant as crashed. */
    public static final String BUDGET_HINT = "raise it with --max-events N";

    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final String hint;

    public ScenarioException(String file, int line, int column, String message, String hint) {
        super(message, null, false, false); // no stack trace: this is a user error, not a bug
        this.file = file;
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
        // one line whatever the input: values quoted in messages may contain line breaks
        this.problem = oneLine(message);
        this.hint = hint == null ? "" : oneLine(hint);
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when the error has no position (a --set override, an unreadable file). */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when the error has no position. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    /** What to do about it; may be empty. */
    public String hint() {
        return hint;
    }

    /** The one-line report: {@code file:line:col: message (hint)}. */
    public String format() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line).append(':').append(column);
        }
        b.append(": ").append(problem);
        if (!hint.isEmpty()) {
            b.append(" (").append(hint).append(')');
        }
        return b.toString();
    }

    @Override
    public String getMessage() {
        return format();
    }

    @Override
    public String toString() {
        return format();
    }
}
