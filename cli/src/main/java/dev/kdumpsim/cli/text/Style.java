package dev.kdumpsim.cli.text;

import java.util.function.Function;

/**
 * ANSI styling of terminal output, or none. Colour only when the output is a terminal, {@code
 * NO_COLOR} is unset or empty (https://no-color.org) and {@code TERM} is not {@code dumb}; output
 * to a file or pipe never carries escape codes.
 */
public final class Style {

    public static final Style PLAIN = new Style(false);
    public static final Style ANSI = new Style(true);

    private final boolean on;

    private Style(boolean on) {
        this.on = on;
    }

    /** The style for an output that is ({@code terminal}) or is not a terminal, given the environment. */
    public static Style choose(boolean terminal, Function<String, String> env) {
        String noColor = env.apply("NO_COLOR");
        boolean colour = terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.apply("TERM"));
        return colour ? ANSI : PLAIN;
    }

    public boolean enabled() {
        return on;
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    /** Bad news: corruption, a lost dump, a failed expectation. */
    public String bad(String s) {
        return wrap("1;31", s);
    }

    /** Good news: no corruption, dump saved, an expectation passed. */
    public String good(String s) {
        return wrap("32", s);
    }

    private String wrap(String sgr, String s) {
        return on ? "\u001b[" + sgr + "m" + s + "\u001b[0m" : s;
    }
}
