package dev.kdumpsim.cli.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two per-line tests of {@link LogSummary}, by hand: a log line's {@code [time] text} split
 * and its text with numbers replaced by {@code #}. Each gives exactly what its regular expression
 * gives (kept here, and used for any line with a non-ASCII character, where Java's {@code \b} and
 * {@code .} have Unicode rules); hand-written because a one-hour run's summary spent most of its
 * time in these two expressions, once per line.
 */
final class LogSummaryScan {

    /** {@code [    7.018304] text}: the time and the text. */
    static final Pattern LINE = Pattern.compile("^\\[\\s*(\\d+\\.\\d+)\\] (.*)$");
    /** A number: decimal or hex, with or without 0x, a whole word with at least one decimal digit. */
    static final Pattern NUMBER = Pattern.compile("\\b(?:0x)?[0-9a-fA-F]*[0-9][0-9a-fA-F]*\\b");

    /** A line's time and text. */
    record Line(String time, String text) {
    }

    private LogSummaryScan() {
    }

    /** The line's time and text as {@link #LINE} matches them, or null when it does not match. */
    static Line line(String s) {
        if (!isAscii(s)) {
            Matcher m = LINE.matcher(s);
            return m.matches() ? new Line(m.group(1), m.group(2)) : null;
        }
        int n = s.length();
        if (n == 0 || s.charAt(0) != '[') {
            return null;
        }
        int i = 1;
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int timeStart = i;
        i = digits(s, i);
        if (i == timeStart || i == n || s.charAt(i) != '.') {
            return null;
        }
        int fraction = i + 1;
        i = digits(s, fraction);
        if (i == fraction || i + 1 >= n || s.charAt(i) != ']' || s.charAt(i + 1) != ' ') {
            return null;
        }
        // '.' matches no line terminator and the match must reach the end: the text holds none
        for (int j = i + 2; j < n; j++) {
            char c = s.charAt(j);
            if (c == '\n' || c == '\r') {
                return null;
            }
        }
        return new Line(s.substring(timeStart, i), s.substring(i + 2));
    }

    /** {@code s} with every {@link #NUMBER} replaced by {@code #}. */
    static String maskNumbers(String s) {
        if (!isAscii(s)) {
            return NUMBER.matcher(s).replaceAll("#");
        }
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!isWord(s.charAt(i)) || (i > 0 && isWord(s.charAt(i - 1)))) {
                i++; // a number starts only where a word does (\b); none can start inside one
                continue;
            }
            int end = -1;
            if (s.charAt(i) == '0' && i + 1 < n && s.charAt(i + 1) == 'x') {
                end = number(s, i + 2);
            }
            if (end < 0) {
                end = number(s, i);
            }
            if (end < 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(s, copied, i).append('#');
            copied = end;
            i = end;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /**
     * The end of a number whose hex digits start at {@code from}, or -1: the run of hex digits must
     * hold a decimal digit and end where the word ends (a shorter match would end inside the word).
     */
    private static int number(String s, int from) {
        int n = s.length();
        int i = from;
        boolean decimal = false;
        while (i < n && isHex(s.charAt(i))) {
            decimal |= s.charAt(i) <= '9';
            i++;
        }
        return decimal && (i == n || !isWord(s.charAt(i))) ? i : -1;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code \s} without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** A word character for {@code \b} (Character.isLetterOrDigit or '_'), for ASCII. */
    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
