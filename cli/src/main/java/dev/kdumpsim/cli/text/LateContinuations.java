package dev.kdumpsim.cli.text;

import java.util.HashMap;
import java.util.Map;

/**
 * The first of {@link LogSummary}'s two passes: the records that get a continuation line after
 * another record has started (the kdump kernel prints AER reports between an SMMU event record's
 * dwords), with how many continuation lines each has in the end. Every other record's lines follow
 * its header, so the second pass knows a record's shape once the next record starts. Holds one
 * entry per open device prefix and one per such record, not the log.
 */
final class LateContinuations {

    /** A record that can still receive continuation lines: the latest of its prefix. */
    private static final class Open {
        final int index;
        int continuations;

        Open(int index) {
            this.index = index;
        }
    }

    private LateContinuations() {
    }

    /** Record index (as the second pass numbers records, === lines included) to its final continuation count. */
    static Map<Integer, Integer> of(Iterable<String> lines) {
        Map<Integer, Integer> late = new HashMap<>();
        Map<String, Open> lastByPrefix = new HashMap<>();
        int records = 0;
        for (String line : lines) {
            LogSummaryScan.Line m = LogSummaryScan.line(line);
            if (m == null) {
                lastByPrefix.clear();
                records++;
                continue;
            }
            String body = m.text();
            String prefix = LogSummary.prefix(body);
            Open last = lastByPrefix.get(prefix);
            if (LogSummary.isContinuation(body) && last != null) {
                last.continuations++;
                if (last.index != records - 1) {
                    late.put(last.index, last.continuations);
                }
                continue;
            }
            lastByPrefix.put(prefix, new Open(records++));
        }
        return late;
    }
}
