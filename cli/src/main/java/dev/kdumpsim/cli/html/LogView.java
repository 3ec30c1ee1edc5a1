package dev.kdumpsim.cli.html;

import dev.kdumpsim.kernel.log.LogRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * One kernel's log for the page: every line with an anchor ({@code L<kernel>-<n>}) and its time,
 * and floods folded: a run of at least three repetitions of the same few lines (same text once
 * numbers are masked, e.g. an SMMU event record and its four dwords) shows its first repetition
 * and puts the rest in a closed {@code <details>}.
 */
final class LogView {

    static final int MAX_PERIOD = 5;
    static final int MIN_REPEATS = 3;

    private LogView() {
    }

    static String shape(String text) {
        return text.replaceAll("0x[0-9a-fA-F]+|\\d+", "#");
    }

    /** The anchor of the first line at or after kernel time {@code ns}, or the last line's. */
    static String anchorAt(String kernel, Iterable<LogRecord> log, long ns) {
        int i = 0;
        for (LogRecord r : log) {
            if (r.kernelTimeNs() >= ns) {
                return "#L" + kernel + "-" + i;
            }
            i++;
        }
        return "#L" + kernel + "-" + Math.max(0, i - 1);
    }

    static String render(String kernel, List<LogRecord> log) {
        List<String> shapes = new ArrayList<>(log.size());
        for (LogRecord r : log) {
            shapes.add(shape(r.text()));
        }
        StringBuilder b = new StringBuilder("<pre class=\"log\">");
        int i = 0;
        while (i < log.size()) {
            int bestP = 0;
            int bestK = 0;
            for (int p = 1; p <= MAX_PERIOD && i + p <= log.size(); p++) {
                int k = 1;
                while (i + (k + 1) * p <= log.size() && same(shapes, i, i + k * p, p)) {
                    k++;
                }
                if (k >= MIN_REPEATS && k * p > bestK * bestP) {
                    bestP = p;
                    bestK = k;
                }
            }
            if (bestK == 0) {
                line(b, kernel, log, i++);
                continue;
            }
            for (int j = 0; j < bestP; j++) {
                line(b, kernel, log, i + j);
            }
            int rest = (bestK - 1) * bestP;
            b.append("<details><summary>").append(bestK - 1).append(" more of the same ").append(bestP == 1 ? "line" : bestP + "-line record")
                    .append(" (").append(rest).append(" lines, to ").append(Html.esc(LogRecord.timestamp(log.get(i + bestK * bestP - 1).kernelTimeNs())))
                    .append(")</summary>");
            for (int j = bestP; j < bestK * bestP; j++) {
                line(b, kernel, log, i + j);
            }
            b.append("</details>");
            i += bestK * bestP;
        }
        return b.append("</pre>\n").toString();
    }

    private static boolean same(List<String> shapes, int a, int b, int p) {
        for (int j = 0; j < p; j++) {
            if (!shapes.get(a + j).equals(shapes.get(b + j))) {
                return false;
            }
        }
        return true;
    }

    private static void line(StringBuilder b, String kernel, List<LogRecord> log, int i) {
        LogRecord r = log.get(i);
        b.append("<span id=\"L").append(kernel).append('-').append(i).append("\" class=\"lv").append(r.level().ordinal())
                .append("\">").append(Html.esc(r.line())).append("</span>");
    }
}
