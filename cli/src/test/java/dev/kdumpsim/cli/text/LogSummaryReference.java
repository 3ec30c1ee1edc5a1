package dev.kdumpsim.cli.text;

import dev.kdumpsim.smmuv3.EventRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terminal summary as it was before issue #18 item 2 (every line held, then collapsed), kept
 * verbatim as the oracle the streaming {@link LogSummary} is compared with. Both kernels' logs for a terminal: floods collapsed. A log record is a line plus its
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

    /** Records of a flood shown before the summary line. */
    static final int KEEP = 3;
    /** Fewer hidden records than this are shown rather than summarised. */
    static final int MIN_HIDDEN = 5;

    private static final Pattern EVENT = Pattern.compile("event 0x[0-9a-f]+ received:?");
    private static final Pattern DWORD = Pattern.compile("\\t(0x[0-9a-f]{16})$");

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
            String prefix = prefix(body);
            Record last = lastByPrefix.get(prefix);
            if (isContinuation(body) && last != null) {
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

    /** The device prefix of a line ("arm-smmu-v3 arm-smmu-v3.0.auto"), or "" when there is none. */
    static String prefix(String body) {
        int colon = body.indexOf(": ");
        int tab = body.indexOf(":\t");
        int at = colon < 0 ? tab : tab < 0 ? colon : Math.min(colon, tab);
        return at < 0 ? "" : body.substring(0, at);
    }

    /** A driver's continuation line: its message starts with a tab ({@code dev_err(dev, "\t0x%016llx\n", ...)}). */
    static boolean isContinuation(String body) {
        return body.startsWith("\t") || body.contains(": \t") || body.contains(":\t");
    }

    private static String collapsed(List<Record> hidden, String fullLog) {
        Record first = hidden.get(0);
        boolean records = !first.continuations().isEmpty();
        String name = message(first.text());
        StringBuilder sb = new StringBuilder("               ... ");
        sb.append(hidden.size()).append(records ? " more '" : " more lines like '").append(name).append(records ? "' records" : "'");
        sb.append(", ").append(first.time()).append(" s to ").append(hidden.get(hidden.size() - 1).time()).append(" s");
        Map<String, Integer> kinds = kinds(hidden);
        if (!kinds.isEmpty()) {
            sb.append(": ");
            boolean firstKind = true;
            for (Map.Entry<String, Integer> k : kinds.entrySet()) {
                sb.append(firstKind ? "" : ", ").append(k.getKey()).append(" x").append(k.getValue());
                firstKind = false;
            }
        }
        return sb.append("; all in ").append(fullLog).toString();
    }

    /** The message after the device prefix ("arm-smmu-v3 arm-smmu-v3.0.auto: "), without a trailing colon. */
    static String message(String header) {
        int colon = header.indexOf(": ");
        String m = colon >= 0 && colon + 2 < header.length() ? header.substring(colon + 2) : header;
        return m.endsWith(":") ? m.substring(0, m.length() - 1) : m;
    }

    /**
     * What the hidden records were, by decoding them where the log says what they are: SMMU event
     * records (IHI 0070 §7.3: the event id and StreamID in dword 0) as "NAME sid 0x..", counted in
     * first-seen order. Empty for records this does not know.
     */
    private static Map<String, Integer> kinds(List<Record> hidden) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (Record r : hidden) {
            if (!EVENT.matcher(message(r.text()) + ":").matches() || r.continuations().size() != 4) {
                return Map.of();
            }
            String[] dw = new String[4];
            for (int i = 0; i < 4; i++) {
                Matcher d = DWORD.matcher(r.continuations().get(i));
                if (!d.find()) {
                    return Map.of();
                }
                dw[i] = d.group(1);
            }
            EventRecord e = EventRecord.decode(dw);
            kinds.merge(e.eventName() + String.format(Locale.ROOT, " sid 0x%x", e.streamId()), 1, Integer::sum);
        }
        return kinds;
    }
}
