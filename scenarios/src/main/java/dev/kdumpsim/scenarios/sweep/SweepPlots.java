package dev.kdumpsim.scenarios.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The sweep's plots, drawn with JFreeChart (PNG through ImageIO, SVG through JFreeSVG): a heatmap
 * of the corruption rate over two parameters (every other parameter and the seeds pooled) and,
 * per value of the policy parameter, the corruption rate and the mean tainted dump pages against
 * another parameter. Deterministic: fixed size, the logical SansSerif font, fixed colours, no
 * timestamps, and JFreeSVG's defs prefix fixed (its default embeds {@code System.nanoTime()}).
 */
final class SweepPlots {

    static final int WIDTH = 960;
    static final int HEIGHT = 640;
    private static final Color NO_DATA = new Color(0xDDDDDD);
    /** Light yellow to dark red: 0% reads calm, 100% alarming; distinguishable in grey scale too. */
    private static final Color[] RAMP = {new Color(0xFFFFCC), new Color(0xFED976), new Color(0xFD8D3C), new Color(0xE31A1C), new Color(0x800026)};

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // CI machines have no display
        }
    }

    private SweepPlots() {
    }

    /** Most heatmap cells drawn (a 50 x 50 grid); a larger grid of what ran is left out, not drawn unreadably. */
    static final int MAX_CELLS = 2_500;
    /** Most categories on a policy chart's axis, and most policy charts. */
    static final int MAX_CATEGORIES = 500;
    static final int MAX_POLICY_CHARTS = 64;

    /**
     * File name to bytes, in a fixed order; empty when the manifest names no plot axes. Axes hold
     * only the values that ran (a sweep of a 1000 x 10000 plan that ran 50 variants draws at most
     * 50 cells), and plots past {@link #MAX_CELLS} / {@link #MAX_CATEGORIES} are left out.
     */
    static Map<String, byte[]> render(SweepManifest m, List<VariantRow> rows) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (m.heatmapX() != null && m.heatmapY() != null
                && (long) values(m, rows, m.heatmapX()).size() * values(m, rows, m.heatmapY()).size() <= MAX_CELLS) {
            add(files, "heatmap-corruption", heatmap(m, rows, MetricStats.CORRUPTED, false,
                    "Corruption rate of the kdump kernel's memory", "corruption rate"));
            // the other two harms, as rates where high is bad like the first: the dump lost, the kdump kernel dead
            add(files, "heatmap-dump-lost", heatmap(m, rows, MetricStats.DUMP_SAVED, true, "Rate of lost dumps", "dump-lost rate"));
            add(files, "heatmap-kdump-died", heatmap(m, rows, MetricStats.KDUMP_ALIVE, true,
                    "Rate of kdump kernels that panicked or hung", "died rate"));
        }
        if (m.policy() != null && m.policyX() != null && values(m, rows, m.policy()).size() <= MAX_POLICY_CHARTS
                && values(m, rows, m.policyX()).size() <= MAX_CATEGORIES) {
            List<String> slugs = new ArrayList<>();
            for (String policy : values(m, rows, m.policy())) {
                String slug = slug(policy);
                String unique = slug;
                for (int i = 2; slugs.contains(unique); i++) {
                    unique = slug + "-" + i;
                }
                slugs.add(unique);
                add(files, "policy-" + unique, policyChart(m, rows, policy));
            }
        }
        return files;
    }

    private static void add(Map<String, byte[]> files, String base, JFreeChart chart) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
        files.put(base + ".png", png.toByteArray());
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix("kdumpsim");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        files.put(base + ".svg", (g.getSVGDocument() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The values of parameter {@code path} that some row ran with, in the parameter's order. */
    private static List<String> values(SweepManifest m, List<VariantRow> rows, String path) {
        java.util.Set<String> ran = new java.util.HashSet<>();
        for (VariantRow r : rows) {
            ran.add(r.parameters().get(path));
        }
        for (SweepAxis a : m.parameters()) {
            if (a.path().equals(path)) {
                return a.values().stream().filter(ran::contains).toList();
            }
        }
        return List.of();
    }

    /**
     * A heatmap of {@code metric}'s rate per (x, y) cell; {@code invert}: of its complement, for a
     * metric whose true is good (dump saved, kdump kernel alive), so high is always bad.
     */
    private static JFreeChart heatmap(SweepManifest m, List<VariantRow> rows, String metric, boolean invert, String title,
            String legendLabel) {
        List<String> xs = values(m, rows, m.heatmapX());
        List<String> ys = values(m, rows, m.heatmapY());
        MetricStats[][] cells = new MetricStats[xs.size()][ys.size()];
        for (VariantRow r : rows) {
            int x = xs.indexOf(r.parameters().get(m.heatmapX()));
            int y = ys.indexOf(r.parameters().get(m.heatmapY()));
            if (x >= 0 && y >= 0) {
                if (cells[x][y] == null) {
                    cells[x][y] = new MetricStats();
                }
                cells[x][y].add(r);
            }
        }
        int n = xs.size() * ys.size();
        double[][] data = new double[3][n];
        SymbolAxis xAxis = new SymbolAxis(m.heatmapX(), xs.toArray(new String[0]));
        SymbolAxis yAxis = new SymbolAxis(m.heatmapY(), ys.toArray(new String[0]));
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new Ramp());
        XYPlot plot = new XYPlot(null, xAxis, yAxis, renderer);
        int i = 0;
        for (int x = 0; x < xs.size(); x++) {
            for (int y = 0; y < ys.size(); y++) {
                double raw = cells[x][y] == null ? Double.NaN : cells[x][y].rate(metric);
                double rate = invert && !Double.isNaN(raw) ? 1 - raw : raw;
                data[0][i] = x;
                data[1][i] = y;
                data[2][i] = Double.isNaN(rate) ? -1 : rate;
                i++;
                Color ink = !Double.isNaN(rate) && rate > 0.6 ? Color.WHITE : Color.BLACK;
                boolean ran = cells[x][y] != null;
                XYTextAnnotation label = new XYTextAnnotation(ran ? SummaryMarkdown.pct(rate) : "not run", x, ran ? y + 0.07 : y);
                label.setFont(font(Font.BOLD, 12));
                label.setPaint(ink);
                plot.addAnnotation(label);
                if (ran) {
                    // how many variants the rate is over: 1 of 2 and 50 of 100 are not the same evidence
                    XYTextAnnotation count = new XYTextAnnotation("n=" + cells[x][y].variants(), x, y - 0.12);
                    count.setFont(font(Font.PLAIN, 10));
                    count.setPaint(ink);
                    plot.addAnnotation(count);
                }
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(legendLabel, data);
        plot.setDataset(dataset);
        xAxis.setGridBandsVisible(false);
        yAxis.setGridBandsVisible(false);
        xAxis.setVerticalTickLabels(xs.stream().mapToInt(String::length).max().orElse(0) * xs.size() > 90);
        plot.setBackgroundPaint(NO_DATA);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, font(Font.BOLD, 16), plot, false);
        chart.addSubtitle(new TextTitle(m.scenario() + ": over " + m.seedsPerPoint() + " seed(s) per point and every other parameter",
                font(Font.PLAIN, 12)));
        NumberAxis scaleAxis = new NumberAxis(legendLabel);
        scaleAxis.setRange(0, 1);
        scaleAxis.setTickUnit(new NumberTickUnit(0.1, percent()));
        PaintScaleLegend legend = new PaintScaleLegend(new Ramp(), scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(16);
        legend.setMargin(8, 8, 8, 8);
        chart.addSubtitle(legend);
        return styled(chart);
    }

    private static JFreeChart policyChart(SweepManifest m, List<VariantRow> rows, String policy) {
        List<String> xs = values(m, rows, m.policyX());
        Map<String, MetricStats> byX = new LinkedHashMap<>();
        xs.forEach(x -> byX.put(x, new MetricStats()));
        for (VariantRow r : rows) {
            if (policy.equals(r.parameters().get(m.policy()))) {
                MetricStats s = byX.get(r.parameters().get(m.policyX()));
                if (s != null) {
                    s.add(r);
                }
            }
        }
        DefaultCategoryDataset rate = new DefaultCategoryDataset();
        DefaultCategoryDataset tainted = new DefaultCategoryDataset();
        for (Map.Entry<String, MetricStats> e : byX.entrySet()) {
            double r = e.getValue().rate(MetricStats.CORRUPTED);
            double t = e.getValue().mean(MetricStats.TAINTED);
            rate.addValue(Double.isNaN(r) ? null : r, "corruption rate", e.getKey());
            tainted.addValue(Double.isNaN(t) ? null : t, "mean tainted dump pages", e.getKey());
        }
        CategoryAxis xAxis = new CategoryAxis(m.policyX());
        if (xs.stream().mapToInt(String::length).max().orElse(0) * xs.size() > 90) {
            xAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis rateAxis = new NumberAxis("corruption rate");
        rateAxis.setRange(0, 1.05);
        rateAxis.setTickUnit(new NumberTickUnit(0.1, percent()));
        LineAndShapeRenderer rateRenderer = new LineAndShapeRenderer(true, true);
        rateRenderer.setSeriesPaint(0, new Color(0xE31A1C));
        rateRenderer.setSeriesStroke(0, new BasicStroke(2.5f));
        CategoryPlot plot = new CategoryPlot(rate, xAxis, rateAxis, rateRenderer);
        NumberAxis taintedAxis = new NumberAxis("mean tainted dump pages");
        taintedAxis.setAutoRangeIncludesZero(true);
        // the standard tick units format with the default locale (Arabic-Indic digits under ar-SA): labels are Locale.ROOT
        taintedAxis.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setRangeAxis(1, taintedAxis);
        plot.setDataset(1, tainted);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer taintedRenderer = new LineAndShapeRenderer(true, true);
        taintedRenderer.setSeriesPaint(0, new Color(0x2C7FB8));
        taintedRenderer.setSeriesStroke(0, new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.setRenderer(1, taintedRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        JFreeChart chart = new JFreeChart(m.policy() + " = " + policy, font(Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle(m.scenario() + ": corruption rate and tainted dump pages against " + m.policyX()
                + " (seeds and other parameters pooled)", font(Font.PLAIN, 12)));
        return styled(chart);
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** The logical SansSerif font: the same on every JDK (mapped to DejaVu Sans on Debian). */
    private static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    private static DecimalFormat percent() {
        return new DecimalFormat("0%", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    static String slug(String value) {
        String s = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "value" : s;
    }

    /** Corruption rate 0..1 to the ramp; negative (no data) to grey. */
    private static final class Ramp implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            if (value < 0 || Double.isNaN(value)) {
                return NO_DATA;
            }
            double v = Math.min(1, value) * (RAMP.length - 1);
            int i = Math.min(RAMP.length - 2, (int) Math.floor(v));
            double f = v - i;
            Color a = RAMP[i];
            Color b = RAMP[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
