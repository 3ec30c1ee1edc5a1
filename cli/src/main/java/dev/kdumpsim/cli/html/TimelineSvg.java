package dev.kdumpsim.cli.html;

import dev.kdumpsim.kernel.boot.BootPhase;
import dev.kdumpsim.kernel.boot.BootTimeline;
import java.util.List;

/**
 * The two kernels' timelines as inline SVG: one lane per kernel, each on its own clock and
 * scale (kernel #1 runs for up to hours, the kdump kernel for seconds), boot phases as bars,
 * the panic, the IOMMU bypass window and the first stray write as marks; each mark links to the
 * log line at that time.
 */
final class TimelineSvg {

    static final int WIDTH = 1100;
    static final int LANE = 46;
    static final String[] PHASE_COLOURS = {"#c7d7ef", "#a9c4ea", "#8fb1e3", "#b9e0c4", "#9fd3ad", "#f2d7a6"};

    /** A mark on a lane: kernel-clock time, label, CSS class, link target. */
    record Mark(long kernelNs, String label, String cls, String href) {
    }

    private TimelineSvg() {
    }

    static String lane(String title, BootTimeline boot, long spanNs, List<Mark> marks, List<long[]> windows) {
        long span = Math.max(spanNs, 1);
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"timeline\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(LANE + 30)
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">\n");
        b.append("<text x=\"0\" y=\"12\" class=\"lane-title\">").append(Html.esc(title)).append(" (its own clock, 0 to ")
                .append(Html.esc(Html.num(span / 1e9, 3))).append(" s)</text>\n");
        int i = 0;
        for (BootPhase p : boot.phases()) {
            long start = boot.startNs(p.name());
            long end = Math.min(boot.endNs(p.name()), span);
            if (start >= span) {
                break;
            }
            double x = x(start, span);
            double w = Math.max(1, x(end, span) - x);
            b.append("<rect x=\"").append(Html.num(x, 1)).append("\" y=\"18\" width=\"").append(Html.num(w, 1))
                    .append("\" height=\"18\" fill=\"").append(PHASE_COLOURS[i++ % PHASE_COLOURS.length])
                    .append("\"><title>").append(Html.esc(p.name() + ": " + p.description())).append("</title></rect>\n");
            if (w > 60) {
                b.append("<text x=\"").append(Html.num(x + 3, 1)).append("\" y=\"31\" class=\"phase\">")
                        .append(Html.esc(p.name())).append("</text>\n");
            }
        }
        for (long[] w : windows) {
            double x = x(w[0], span);
            double x2 = x(w[1] < 0 ? span : w[1], span);
            b.append("<rect class=\"bypass\" x=\"").append(Html.num(x, 1)).append("\" y=\"14\" width=\"")
                    .append(Html.num(Math.max(2, x2 - x), 1)).append("\" height=\"26\"><title>IOMMU bypass window</title></rect>\n");
        }
        int row = 0;
        for (Mark m : marks) {
            double x = x(Math.min(m.kernelNs(), span), span);
            b.append("<a href=\"").append(Html.esc(m.href())).append("\"><line class=\"").append(m.cls()).append("\" x1=\"")
                    .append(Html.num(x, 1)).append("\" x2=\"").append(Html.num(x, 1)).append("\" y1=\"14\" y2=\"44\"/>")
                    .append("<text class=\"mark\" x=\"").append(Html.num(Math.min(x + 2, WIDTH - 160), 1)).append("\" y=\"")
                    .append(56 + 12 * (row++ % 2)).append("\">").append(Html.esc(m.label())).append("</text></a>\n");
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static double x(long ns, long span) {
        return (double) ns / span * (WIDTH - 10);
    }
}
