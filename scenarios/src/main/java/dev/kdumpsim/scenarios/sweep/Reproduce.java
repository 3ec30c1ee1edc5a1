package dev.kdumpsim.scenarios.sweep;

import java.util.regex.Pattern;

/** The shell command that reruns one variant alone, with the launcher as the README spells it: {@code ./kdumpsim run FILE --set ...}. */
final class Reproduce {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./@:=,+%-]+");

    private Reproduce() {
    }

    static String command(String file, VariantRow r) {
        StringBuilder b = new StringBuilder("./kdumpsim run ").append(quote(file));
        for (String s : r.setArgs()) {
            b.append(" --set ").append(quote(s));
        }
        return b.toString();
    }

    /** POSIX shell quoting: bare when safe, else single quotes. */
    static String quote(String s) {
        if (!s.isEmpty() && SAFE.matcher(s).matches()) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
