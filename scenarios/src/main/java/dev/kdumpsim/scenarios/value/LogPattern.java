package dev.kdumpsim.scenarios.value;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression matched against kernel log lines with {@code find()}, in RE2 syntax
 * (com.google.re2j): matching is linear in the line's length for every pattern, so a pattern
 * such as {@code ^(([a-z0-9.\-\[\] :]+)+)+!$} cannot backtrack for minutes on a log line the way
 * {@code java.util.regex} does. RE2 has no backreferences and no lookaround; such a pattern is
 * refused when the scenario is loaded, at its line. Validated at load so a typo is reported there.
 */
public record LogPattern(String regex) {

    public LogPattern {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + regex + "' is not a valid RE2 regular expression: "
                    + e.getDescription() + (unsupported(regex) ? " (RE2 has no backreferences or lookaround)" : ""));
        }
    }

    /** Java-only constructs RE2 rejects: lookahead/lookbehind, backreferences, possessive and atomic groups. */
    private static boolean unsupported(String regex) {
        return regex.contains("(?=") || regex.contains("(?!") || regex.contains("(?<=") || regex.contains("(?<!")
                || regex.contains("(?>") || backreferenceOrPossessive(regex);
    }

    private static boolean backreferenceOrPossessive(String regex) {
        for (int i = 0; i + 1 < regex.length(); i++) {
            char c = regex.charAt(i);
            char next = regex.charAt(i + 1);
            if (c == '\\') {
                if (next >= '1' && next <= '9') {
                    return true;
                }
                i++; // an escaped character is not a quantifier
            } else if ((c == '*' || c == '+' || c == '?' || c == '}') && next == '+') {
                return true;
            }
        }
        return false;
    }

    public static LogPattern parse(String text) {
        return new LogPattern(text);
    }

    /** Compiles the expression with RE2/J (callers that match often should keep the result). */
    public Pattern compile() {
        return Pattern.compile(regex);
    }

    @Override
    public String toString() {
        return regex;
    }
}
