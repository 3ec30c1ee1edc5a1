package dev.kdumpsim.scenarios.importer;

/**
 * A console line as an {@code expect.log} pattern (RE2, as the loader compiles them): the
 * message with every regex metacharacter escaped, a run of blanks that holds a tab or more than
 * one space as {@code \s+} (mail clients turn the tab of an event dword line into spaces and
 * back), anchored at the end; a line that had a printk time starts with {@code ^\[ *\d+\.\d{6}\] }
 * (any time: the simulated clock is not the reporter's), one without is unanchored at the start.
 */
public final class LogPatterns {

    /** The timestamp part of a pattern. */
    public static final String TIMESTAMP = "^\\[ *\\d+\\.\\d{6}\\] ";
    private static final String META = "\\.^$|?*+()[]{}";

    private LogPatterns() {
    }

    public static String of(LogLine line) {
        StringBuilder b = new StringBuilder();
        if (line.timestamp().isPresent()) {
            b.append(TIMESTAMP);
        }
        String m = line.message();
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == ' ' || c == '\t') {
                int j = i;
                boolean tab = false;
                while (j < m.length() && (m.charAt(j) == ' ' || m.charAt(j) == '\t')) {
                    tab |= m.charAt(j) == '\t';
                    j++;
                }
                b.append(tab || j - i > 1 ? "\\s+" : " ");
                i = j - 1;
            } else if (META.indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.append('$').toString();
    }
}
