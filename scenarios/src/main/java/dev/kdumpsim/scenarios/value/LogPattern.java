package dev.kdumpsim.scenarios.value;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression (java.util.regex syntax) matched against kernel log lines with
 * {@code find()}, validated when the scenario is loaded so a typo is reported at its line.
 */
public record LogPattern(String regex) {

    public LogPattern {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + regex + "' is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    public static LogPattern parse(String text) {
        return new LogPattern(text);
    }

    /** Compiles the expression (callers that match often should keep the result). */
    public Pattern compile() {
        return Pattern.compile(regex);
    }

    @Override
    public String toString() {
        return regex;
    }
}
