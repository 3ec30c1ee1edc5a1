package dev.kdumpsim.cli.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal summary's algorithm as it was before issue #18 item 2 (every line held, then
 * collapsed), kept as the oracle the streaming {@link LogSummary} is compared with. What the
 * streaming rewrite changed is how records are grouped into runs and which lines are held; that
 * is kept here as it was. The line grammar and the summary line's wording did not change, so
 * this calls {@link LogSummary}'s ({@code prefix}, {@code isContinuation}, {@code collapsed},
 * {@code isEventHeader}, {@code eventKind}) instead of a copy. Both kernels' logs for a terminal: floods collapsed. A log record is a line plus its
 * continuation lines (the arm-smmu-v3 driver prints an event as {@code event 0x02 received:}
 * followed by four {@code \t0x%016llx} dword lines, Linux v4.16
 * drivers/iommu/arm-smmu-v3.c:arm_smmu_evtq_thread). A run of more than {@link #KEEP} +
 * {@link #MIN_HIDDEN} consecutive records of the same shape keeps its first {@link #KEEP} records
 * and then one line saying how many more there were, over what time, and what they were: for SMMU
 * event records the event names and StreamIDs decoded from the dwords in the log text, counted.
 *
 * <p>Shape: a record with continuation lines is its exact first line (so {@code event 0x02} and
 * {@code event 0x10} are different floods) and its line count; a single line is its text with
 * numbers replaced (so a line repeating with a changing counter or address is one flood). This
 * works on the log text alone, not on the model's records: what is collapsed is what was printed.
 */
final class LogSummaryReference {

    private static final int KEEP = LogSummary.KEEP;
    private static final int MIN_HIDDEN = LogSummary.MIN_HIDDEN;

    /** One printed record: its header line's index, its continuation lines' indices, its time and texts. */
    private record Record(int header, List<Integer> lines, String time, String text, String prefix, List<String> continuations) {
        String shape() {
            if (header < 0) {
                return "section|" + time; // a === line: never the same as anything, ends every run
            }
            return continuations.isEmpty() ? "line|" + LogSummaryScan.maskNumbers(text)
                    : "record|" + continuations.size() + "|" + text;
        }
    }

    /** The log with floods collapsed, as a string (see {@link #summarize(String, String, Style, Appendable)}). */
    static String summarize(String log, String fullLog, Style style) {
        StringBuilder out = new StringBuilder();
        try {
            summarize(log, fullLog, style, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    private LogSummaryReference() {
    }

    /**
     * The log with floods collapsed; {@code fullLog} names where the whole log is (e.g.
     * "out/kernel.log" or "--log full"). Lines that are not {@code [time] text} (the {@code ===}
     * kernel headers) pass through and end a run. Lines keep their order: a driver's continuation
     * lines belong to its last record even when another driver's lines come between them (the
     * kdump kernel prints AER reports in the middle of SMMU event records), and only the lines of
     * hidden records are left out.
     */
    static void summarize(String log, String fullLog, Style style, Appendable out) throws java.io.IOException {
        String[] lines = log.split("\n");
        List<Record> records = new ArrayList<>();
        Map<String, Record> lastByPrefix = new LinkedHashMap<>();
        Record[] owner = new Record[lines.length];
        for (int i = 0; i < lines.length; i++) {
            LogSummaryScan.Line m = LogSummaryScan.line(lines[i]);
            if (m == null) {
                lastByPrefix.clear();
                records.add(new Record(-1, List.of(i), Integer.toString(i), lines[i], "", List.of()));
                continue;
            }
            String body = m.text();
            String prefix = LogSummary.prefix(body);
            Record last = lastByPrefix.get(prefix);
            if (LogSummary.isContinuation(body) && last != null) {
                last.lines().add(i);
                last.continuations().add(body);
                owner[i] = last;
                continue;
            }
            Record r = new Record(i, new ArrayList<>(List.of(i)), m.time(), body, prefix, new ArrayList<>());
            records.add(r);
            lastByPrefix.put(prefix, r);
            owner[i] = r;
        }
        // runs of consecutive records of one shape: which records are hidden, and the summary in place of the first
        Map<Record, String> summaryAt = new IdentityHashMap<>();
        Set<Record> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
        // each record's shape once (a regular expression per line): the comparison below reads them twice
        String[] shapes = new String[records.size()];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = records.get(i).shape();
        }
        int start = 0;
        for (int i = 1; i <= records.size(); i++) {
            if (i == records.size() || !shapes[i].equals(shapes[start])) {
                if (i - start - KEEP >= MIN_HIDDEN) {
                    List<Record> h = records.subList(start + KEEP, i);
                    hidden.addAll(h);
                    summaryAt.put(h.get(0), collapsed(h, fullLog));
                }
                start = i;
            }
        }
        for (int i = 0; i < lines.length; i++) {
            Record r = owner[i];
            if (r == null) {
                out.append(lines[i].startsWith("===") ? style.bold(lines[i]) : lines[i]).append('\n');
            } else if (!hidden.contains(r)) {
                out.append(lines[i]).append('\n');
            } else if (r.header() == i && summaryAt.containsKey(r)) {
                out.append(style.dim(summaryAt.get(r))).append('\n');
            }
        }
    }

    private static String collapsed(List<Record> hidden, String fullLog) {
        Record first = hidden.get(0);
        return LogSummary.collapsed(hidden.size(), !first.continuations().isEmpty(), first.text(), first.time(),
                hidden.get(hidden.size() - 1).time(), kinds(hidden), fullLog);
    }

    /** What the hidden records were: SMMU event records decoded, counted in first-seen order; empty for records this does not know. */
    private static Map<String, Integer> kinds(List<Record> hidden) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (Record r : hidden) {
            if (!LogSummary.isEventHeader(r.text()) || r.continuations().size() != 4) {
                return Map.of();
            }
            String kind = LogSummary.eventKind(r.continuations());
            if (kind == null) {
                return Map.of();
            }
            kinds.merge(kind, 1, Integer::sum);
        }
        return kinds;
    }
}
