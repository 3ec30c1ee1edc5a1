package dev.kdumpsim.scenarios.fit;

import com.google.re2j.Pattern;
import dev.kdumpsim.scenarios.importer.LogLine;
import dev.kdumpsim.scenarios.importer.LogPatterns;
import java.util.Optional;

/**
 * One distinctive line of the report, as {@code kdumpsim import} puts it in {@code expect.log}:
 * its text as a pattern anchored at both ends of the message (the printk time left out: it is
 * compared separately, within the tolerance), the time it was printed at, and what it shows.
 */
record ReportLine(String where, String text, Optional<String> timestamp, String kind, Pattern message) {

    static ReportLine of(LogLine l, String kind) {
        String p = "^" + LogPatterns.of(new LogLine(l.file(), l.line(), Optional.empty(), l.message(), l.kernel()));
        return new ReportLine(l.where(), l.message(), l.timestamp(), kind, Pattern.compile(p));
    }

    double seconds() {
        return timestamp.map(Double::parseDouble).orElse(-1.0);
    }

    boolean matches(String simulatedMessage) {
        return message.matcher(simulatedMessage).find();
    }
}
