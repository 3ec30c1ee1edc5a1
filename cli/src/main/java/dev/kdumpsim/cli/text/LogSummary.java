package dev.kdumpsim.cli.text;

import dev.kdumpsim.smmuv3.EventRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Both kernels' logs for a terminal: floods collapsed. A log record is a line plus its
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
public final class LogSummary {

    /** Records of a flood shown before the summary line. */
    public static final int KEEP = 3;
    /** Fewer hidden records than this are shown rather than summarised. */
    public static final int MIN_HIDDEN = 5;

    private static final Pattern EVENT = Pattern.compile("event 0x[0-9a-f]+ received:?");
    private static final Pattern DWORD = Pattern.compile("\\t(0x[0-9a-f]{16})$");

    /** The log with floods collapsed, as a string (see {@link #summarize(Iterable, String, Style, Appendable)}). */
    public static String summarize(String log, String fullLog, Style style) {
        StringBuilder out = new StringBuilder();
        try {
            summarize(log, fullLog, style, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    private LogSummary() {
    }

    /** {@link #summarize(Iterable, String, Style, Appendable)} of a log held as text, split at its newlines. */
    public static void summarize(String log, String fullLog, Style style, Appendable out) throws java.io.IOException {
        summarize(java.util.Arrays.asList(log.split("\n")), fullLog, style, out);
    }

    /**
     * The log with floods collapsed; {@code fullLog} names where the whole log is (e.g.
     * "out/kernel.log" or "--log full"). Lines that are not {@code [time] text} (the {@code ===}
     * kernel headers) pass through and end a run. Lines keep their order: a driver's continuation
     * lines belong to its last record even when another driver's lines come between them (the
     * kdump kernel prints AER reports in the middle of SMMU event records), and only the lines of
     * hidden records are left out.
     *
     * <p>{@code lines} is read twice, in order, and never held: first for the records whose
     * continuation lines come late ({@link LateContinuations}), then to write the summary as it
     * goes ({@link LogSummaryWriter}), holding only the records whose fate is still open.
     */
    public static void summarize(Iterable<String> lines, String fullLog, Style style, Appendable out)
            throws java.io.IOException {
        LogSummaryWriter w = new LogSummaryWriter(LateContinuations.of(lines), fullLog, style, out);
        for (String line : lines) {
            w.line(line);
        }
        w.finish();
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

    /** The summary line of {@code hidden} records of one shape, the first printed at {@code firstTime}, the last at {@code lastTime}. */
    static String collapsed(int hidden, boolean records, String firstText, String firstTime, String lastTime,
            Map<String, Integer> kinds, String fullLog) {
        String name = message(firstText);
        StringBuilder sb = new StringBuilder("               ... ");
        sb.append(hidden).append(records ? " more '" : " more lines like '").append(name).append(records ? "' records" : "'");
        sb.append(", ").append(firstTime).append(" s to ").append(lastTime).append(" s");
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

    /** Whether a record's header is an SMMU event's ({@code event 0x02 received:}), whose dwords say what it was. */
    static boolean isEventHeader(String header) {
        return EVENT.matcher(message(header) + ":").matches();
    }

    /**
     * What an SMMU event record was, decoded from its four dword lines where the log says it
     * (IHI 0070 §7.3: the event id and StreamID in dword 0) as "NAME sid 0x..", or null when a line
     * is not a dword. The summary counts these in first-seen order, and names none when any hidden
     * record has no kind.
     */
    static String eventKind(List<String> dwordLines) {
        String[] dw = new String[4];
        for (int i = 0; i < 4; i++) {
            Matcher d = DWORD.matcher(dwordLines.get(i));
            if (!d.find()) {
                return null;
            }
            dw[i] = d.group(1);
        }
        EventRecord e = EventRecord.decode(dw);
        return e.eventName() + String.format(Locale.ROOT, " sid 0x%x", e.streamId());
    }
}
