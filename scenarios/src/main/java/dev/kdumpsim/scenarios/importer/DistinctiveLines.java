package dev.kdumpsim.scenarios.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distinctive lines of console texts exactly as {@code kdumpsim import} chooses them for
 * {@code expect.log}: the texts split into lines ({@link ConsoleLines}), every import rule run over
 * them, and one line per pattern ({@link LogPatterns}), first occurrence kept. {@code kdumpsim fit}
 * reads a report's lines and a simulated log's through this, so "a report line" means the same
 * thing to both commands.
 */
public final class DistinctiveLines {

    private DistinctiveLines() {
    }

    /** The distinctive lines of {@code texts} (file name to text, in order), one per pattern. */
    public static List<Facts.Distinctive> of(Map<String, String> texts) {
        List<LogLine> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            int next = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).kernel();
            lines.addAll(ConsoleLines.split(e.getKey(), e.getValue(), next));
        }
        Facts facts = new Facts();
        List<Rule> rules = Rules.fresh();
        for (LogLine l : lines) {
            for (Rule r : rules) {
                r.apply(l, facts);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Facts.Distinctive> out = new ArrayList<>();
        for (Facts.Distinctive d : facts.distinctive) {
            if (seen.add(LogPatterns.of(d.line()))) {
                out.add(d);
            }
        }
        return out;
    }
}
