package dev.kdumpsim.cli.text;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second of {@link LogSummary}'s passes: reads the lines again and writes the summary as it
 * goes. A record's shape is settled when the next record starts (its continuation count is then
 * final, or known from {@link LateContinuations}); runs of one shape are followed record by record,
 * and a line waits only while its record's fate is open: a record at positions {@link
 * LogSummary#KEEP} to KEEP + MIN_HIDDEN - 1 of a run until the run is long enough to collapse or
 * ends, and whatever follows a collapsing run's summary line until the run ends (the line gives
 * the count and the last time). Lines of hidden records are dropped as soon as they are known to
 * be hidden, so a flood of any length holds a handful of records and no lines.
 */
final class LogSummaryWriter {

    private enum State { OPEN, SHOWN, HIDDEN }

    /** One printed record (a header line and its continuation lines), or a line that is not {@code [time] text}. */
    private static final class Rec {
        final int index;
        final String time;
        final String text;
        final boolean section;
        final int finalContinuations; // -1: not late, the count when the next record starts
        int continuations;
        List<String> dwords; // an SMMU event's continuation lines, kept only for the summary's kinds
        State state = State.OPEN;
        Run run;

        Rec(int index, String time, String text, boolean section, int finalContinuations) {
            this.index = index;
            this.time = time;
            this.text = text;
            this.section = section;
            this.finalContinuations = finalContinuations;
            if (!section && LogSummary.isEventHeader(text)) {
                dwords = new ArrayList<>(4);
            }
        }

        int finalCount() {
            return finalContinuations >= 0 ? finalContinuations : continuations;
        }

        boolean complete() {
            return finalContinuations < 0 || continuations == finalContinuations;
        }

        String shape() {
            if (section) {
                return "section|" + index; // never the same as anything: ends every run
            }
            int n = finalCount();
            return n == 0 ? "line|" + LogSummaryScan.maskNumbers(text) : "record|" + n + "|" + text;
        }
    }

    /** Consecutive records of one shape. */
    private static final class Run {
        final String shape;
        int length;
        final List<Rec> undecided = new ArrayList<>();
        Rec firstHidden;
        Rec lastHidden;
        int hidden;
        boolean ended;
        final ArrayDeque<Rec> kindsPending = new ArrayDeque<>(); // hidden records whose dwords are still coming
        final Map<String, Integer> kinds = new LinkedHashMap<>();
        boolean kindsKnown = true;

        Run(String shape) {
            this.shape = shape;
        }

        boolean summaryReady() {
            return ended && kindsPending.isEmpty();
        }
    }

    /** A line waiting to be written: its record decides (null: a line outside any record, always written). */
    private record Out(String line, Rec owner, boolean header) {
    }

    private final Map<Integer, Integer> late;
    private final String fullLog;
    private final Style style;
    private final Appendable out;
    private final Map<String, Rec> lastByPrefix = new HashMap<>();
    private final ArrayDeque<Out> waiting = new ArrayDeque<>();
    private Rec pending; // the latest record: its shape is not settled yet
    private Run run;
    private int records;

    LogSummaryWriter(Map<Integer, Integer> late, String fullLog, Style style, Appendable out) {
        this.late = late;
        this.fullLog = fullLog;
        this.style = style;
        this.out = out;
    }

    void line(String line) throws IOException {
        LogSummaryScan.Line m = LogSummaryScan.line(line);
        if (m == null) {
            lastByPrefix.clear();
            settlePending();
            Rec section = new Rec(records++, null, line, true, -1);
            waiting.add(new Out(line, null, false));
            settle(section);
            drain();
            return;
        }
        String body = m.text();
        String prefix = LogSummary.prefix(body);
        Rec last = lastByPrefix.get(prefix);
        if (LogSummary.isContinuation(body) && last != null) {
            last.continuations++;
            if (last.dwords != null && last.dwords.size() < 4) {
                last.dwords.add(body);
            }
            if (last.state != State.HIDDEN) {
                waiting.add(new Out(line, last, false));
            }
            if (last.state == State.HIDDEN && last.complete()) {
                kinds(last.run);
            }
            drain();
            return;
        }
        settlePending();
        Integer n = late.get(records);
        Rec r = new Rec(records++, m.time(), body, false, n == null ? -1 : n);
        lastByPrefix.put(prefix, r);
        pending = r;
        waiting.add(new Out(line, r, true));
        drain();
    }

    void finish() throws IOException {
        settlePending();
        endRun();
        drain();
        if (!waiting.isEmpty()) {
            throw new IllegalStateException(waiting.size() + " lines of the summary were never decided");
        }
    }

    private void settlePending() {
        if (pending != null) {
            settle(pending);
            pending = null;
        }
    }

    /** Places a record whose shape is final in its run. */
    private void settle(Rec r) {
        String shape = r.shape();
        if (run == null || !run.shape.equals(shape)) {
            endRun();
            run = new Run(shape);
        }
        r.run = run;
        int position = run.length++;
        if (position < LogSummary.KEEP) {
            r.state = State.SHOWN;
        } else if (position < LogSummary.KEEP + LogSummary.MIN_HIDDEN - 1) {
            run.undecided.add(r);
        } else {
            if (position == LogSummary.KEEP + LogSummary.MIN_HIDDEN - 1) { // long enough: collapse from KEEP on
                for (Rec u : run.undecided) {
                    hide(u);
                }
                run.undecided.clear();
            }
            hide(r);
            dropLines(r);
        }
    }

    private void hide(Rec r) {
        r.state = State.HIDDEN;
        if (run.firstHidden == null) {
            run.firstHidden = r;
        }
        run.lastHidden = r;
        run.hidden++;
        run.kindsPending.add(r);
        kinds(run);
    }

    /** A record hidden as it settles: its lines are the latest ones waiting, drop them (its header only if it does not carry the summary). */
    private void dropLines(Rec r) {
        ArrayDeque<Out> kept = new ArrayDeque<>();
        while (!waiting.isEmpty()) {
            Out o = waiting.pollLast();
            if (o.owner() != r) {
                kept.push(o);
            } else if (o.header()) {
                if (r == r.run.firstHidden) {
                    kept.push(o);
                }
                break;
            }
        }
        waiting.addAll(kept);
    }

    private void endRun() {
        if (run == null) {
            return;
        }
        for (Rec u : run.undecided) {
            u.state = State.SHOWN;
        }
        run.undecided.clear();
        run.ended = true;
    }

    /** Adds the complete hidden records' kinds, in record order (first seen first, as the summary counts them). */
    private static void kinds(Run run) {
        while (!run.kindsPending.isEmpty() && run.kindsPending.peek().complete()) {
            Rec r = run.kindsPending.poll();
            if (!run.kindsKnown) {
                continue;
            }
            String kind = r.dwords == null || r.finalCount() != 4 ? null : LogSummary.eventKind(r.dwords);
            if (kind == null) {
                run.kindsKnown = false;
                run.kinds.clear();
            } else {
                run.kinds.merge(kind, 1, Integer::sum);
            }
            r.dwords = null;
        }
    }

    /** Writes the waiting lines whose records are decided, in order, up to the first that is not. */
    private void drain() throws IOException {
        while (!waiting.isEmpty()) {
            Out o = waiting.peek();
            Rec r = o.owner();
            if (r == null) {
                out.append(o.line().startsWith("===") ? style.bold(o.line()) : o.line()).append('\n');
            } else if (r.state == State.SHOWN) {
                out.append(o.line()).append('\n');
            } else if (r.state == State.OPEN) {
                return;
            } else if (o.header() && r == r.run.firstHidden) {
                if (!r.run.summaryReady()) {
                    return;
                }
                Run h = r.run;
                out.append(style.dim(LogSummary.collapsed(h.hidden, h.firstHidden.finalCount() > 0, h.firstHidden.text,
                        h.firstHidden.time, h.lastHidden.time, h.kindsKnown ? h.kinds : Map.of(), fullLog))).append('\n');
            }
            waiting.poll();
        }
    }
}
