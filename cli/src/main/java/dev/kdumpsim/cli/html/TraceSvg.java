package dev.kdumpsim.cli.html;

import java.util.List;
import java.util.Map;

/**
 * One time window of a {@link TraceModel} as SVG swimlanes, the way trace viewers lay it out: a
 * header per process, a lane per thread (complete events as bars, instants as ticks) and a lane
 * per counter (each series a step line scaled to the counter's largest value in the window).
 * Drawing is per pixel column, so a flood of thousands of instants or a counter sampled every
 * millisecond for an hour costs a fixed number of SVG elements.
 */
final class TraceSvg {

    static final int WIDTH = 1400;
    static final int LABEL = 270;
    static final int PLOT = WIDTH - LABEL - 10;
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private final double fromUs;
    private final double toUs;
    private final StringBuilder b = new StringBuilder(1 << 15);
    private int y;

    private TraceSvg(double fromUs, double toUs) {
        this.fromUs = fromUs;
        this.toUs = Math.max(toUs, fromUs + 1);
    }

    static String render(TraceModel m, double fromUs, double toUs, String title) {
        TraceSvg s = new TraceSvg(fromUs, toUs);
        s.y = 34;
        s.axis();
        for (TraceModel.Process p : m.sortedProcesses()) {
            s.process(p);
        }
        return "<svg class=\"trace\" viewBox=\"0 0 " + WIDTH + " " + (s.y + 6) + "\" role=\"img\" aria-label=\""
                + Html.esc(title) + "\">\n<text x=\"0\" y=\"14\" class=\"lane-title\">" + Html.esc(title) + "</text>\n"
                + s.b + "</svg>\n";
    }

    private void axis() {
        double span = toUs - fromUs;
        double step = Math.pow(10, Math.floor(Math.log10(span / 8)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (span / (step * m) <= 10) {
                step *= m;
                break;
            }
        }
        for (double t = Math.ceil(fromUs / step) * step; t <= toUs; t += step) {
            double x = x(t);
            b.append("<line class=\"grid\" x1=\"").append(Html.num(x, 1)).append("\" x2=\"").append(Html.num(x, 1))
                    .append("\" y1=\"20\" y2=\"100%\"/><text class=\"tick\" x=\"").append(Html.num(x + 2, 1))
                    .append("\" y=\"30\">").append(Html.esc(Html.num(t / 1e6, step >= 1e6 ? 0 : 3))).append(" s</text>\n");
        }
    }

    private void process(TraceModel.Process p) {
        y += 6;
        b.append("<text class=\"process\" x=\"0\" y=\"").append(y + 12).append("\">")
                .append(Html.esc(p.name == null ? "process" : p.name)).append("</text>\n");
        y += 18;
        for (TraceModel.Thread t : p.threads.values()) {
            if (t.spans.isEmpty() && t.instants.isEmpty()) {
                continue;
            }
            label(t.name == null ? "thread" : t.name, 16);
            spans(t.spans);
            instants(t.instants);
            y += 18;
        }
        for (var c : p.counters.entrySet()) {
            counter(c.getKey(), c.getValue());
        }
    }

    private void label(String name, int h) {
        b.append("<text class=\"track\" x=\"8\" y=\"").append(y + h - 4).append("\">").append(Html.esc(clip(name, 42)))
                .append("<title>").append(Html.esc(name)).append("</title></text>\n");
    }

    private void spans(List<TraceModel.Span> spans) {
        int i = 0;
        for (TraceModel.Span s : spans) {
            double a = Math.max(s.tsUs(), fromUs);
            double e = Math.min(s.tsUs() + s.durUs(), toUs);
            if (e < a || s.tsUs() > toUs) {
                i++;
                continue;
            }
            double x = x(a);
            double w = Math.max(1, x(e) - x);
            b.append("<rect x=\"").append(Html.num(x, 1)).append("\" y=\"").append(y + 1).append("\" width=\"")
                    .append(Html.num(w, 1)).append("\" height=\"14\" fill=\"").append(COLOURS[i++ % COLOURS.length])
                    .append("\"><title>").append(Html.esc(s.name() + " (" + Html.num(s.durUs() / 1e3, 3) + " ms)"))
                    .append("</title></rect>\n");
            if (w > 8 * s.name().length()) {
                b.append("<text class=\"span\" x=\"").append(Html.num(x + 3, 1)).append("\" y=\"").append(y + 12)
                        .append("\">").append(Html.esc(s.name())).append("</text>\n");
            }
        }
    }

    /** Instants binned per pixel column: one tick per column, titled with its first name and count. */
    private void instants(List<TraceModel.Instant> instants) {
        int[] count = new int[PLOT + 1];
        String[] first = new String[PLOT + 1];
        for (TraceModel.Instant in : instants) {
            if (in.tsUs() < fromUs || in.tsUs() > toUs) {
                continue;
            }
            int col = (int) ((in.tsUs() - fromUs) / (toUs - fromUs) * PLOT);
            if (count[col]++ == 0) {
                first[col] = in.name();
            }
        }
        for (int col = 0; col <= PLOT; col++) {
            if (count[col] == 0) {
                continue;
            }
            String t = count[col] == 1 ? first[col] : count[col] + " records from \"" + first[col] + "\"";
            b.append("<rect class=\"instant\" x=\"").append(LABEL + col).append("\" y=\"").append(y + 1)
                    .append("\" width=\"1\" height=\"14\"><title>").append(Html.esc(t)).append("</title></rect>\n");
        }
    }

    /** A counter's series as step lines over pixel columns (a column shows its largest sample). */
    private void counter(String name, Map<String, List<TraceModel.Sample>> series) {
        int h = 34;
        double max = 0;
        double[][] cols = new double[series.size()][];
        int k = 0;
        for (List<TraceModel.Sample> samples : series.values()) {
            double[] c = columns(samples);
            for (double v : c) {
                max = Math.max(max, v);
            }
            cols[k++] = c;
        }
        if (max <= 1) {
            flags(name, series);
            return;
        }
        label(name + " (max " + Html.num(max, 0) + ")", 20);
        k = 0;
        int legendX = 8;
        for (String s : series.keySet()) {
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int col = 0; col <= PLOT; col++) {
                double v = cols[k][col];
                double py = y + h - 2 - (max == 0 ? 0 : v / max * (h - 6));
                pts.append(LABEL + col).append(',').append(Html.num(py, 1)).append(' ');
            }
            b.append("<polyline class=\"series\" stroke=\"").append(colour).append("\" points=\"").append(pts)
                    .append("\"><title>").append(Html.esc(name + " " + s)).append("</title></polyline>\n");
            if (legendX < LABEL - 40) {
                b.append("<text class=\"series-name\" fill=\"").append(colour).append("\" x=\"").append(legendX)
                        .append("\" y=\"").append(y + h - 2).append("\">").append(Html.esc(clip(s, 12))).append("</text>\n");
                legendX += 7 * Math.min(s.length(), 12) + 10;
            }
            k++;
        }
        y += h + 4;
    }

    /**
     * A counter whose series are all 0/1 (enable bits): one row per series, drawn from its exact
     * transitions, filled where it is 1; a 0 shorter than a pixel (the SMMU's reset window inside an
     * hour-long run) still shows as a one-pixel gap.
     */
    private void flags(String name, Map<String, List<TraceModel.Sample>> series) {
        label(name, 14);
        y += 16;
        int k = 0;
        for (var e : series.entrySet()) {
            label(e.getKey(), 11);
            String colour = COLOURS[k++ % COLOURS.length];
            List<TraceModel.Sample> samples = e.getValue();
            for (int i = 0; i < samples.size(); i++) {
                double a = Math.max(samples.get(i).tsUs(), fromUs);
                double z = Math.min(i + 1 < samples.size() ? samples.get(i + 1).tsUs() : toUs, toUs);
                if (z < a) {
                    continue;
                }
                boolean on = samples.get(i).value() >= 0.5;
                double x = x(a);
                double w = Math.max(1, x(z) - x);
                b.append("<rect x=\"").append(Html.num(x, 1)).append("\" y=\"").append(y + 2).append("\" width=\"")
                        .append(Html.num(w, 1)).append("\" height=\"8\" fill=\"").append(on ? colour : "#ffffff")
                        .append("\"><title>").append(Html.esc(name + " " + e.getKey() + " = " + (on ? 1 : 0) + " from "
                                + Html.num(samples.get(i).tsUs() / 1e6, 6) + " s")).append("</title></rect>\n");
            }
            y += 12;
        }
        y += 4;
    }

    /** Per pixel column: the largest sample in it, else the value carried from the last sample before it. */
    private double[] columns(List<TraceModel.Sample> samples) {
        double[] c = new double[PLOT + 1];
        double carried = 0;
        int i = 0;
        while (i < samples.size() && samples.get(i).tsUs() < fromUs) {
            carried = samples.get(i++).value();
        }
        for (int col = 0; col <= PLOT; col++) {
            double end = fromUs + (col + 1) * (toUs - fromUs) / PLOT;
            double v = carried;
            boolean any = false;
            while (i < samples.size() && samples.get(i).tsUs() < end) {
                double s = samples.get(i++).value();
                v = any ? Math.max(v, s) : Math.max(carried, s);
                any = true;
                carried = s;
            }
            c[col] = v;
        }
        return c;
    }

    private double x(double us) {
        return LABEL + (us - fromUs) / (toUs - fromUs) * PLOT;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
