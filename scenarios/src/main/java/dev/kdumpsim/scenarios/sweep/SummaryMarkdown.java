package dev.kdumpsim.scenarios.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * summary.md: what a person reads first. Verdict rates per parameter point over its seeds
 * (corruption rate, dump-saved rate, mean tainted dump pages, mean SMMU events lost), the same
 * rates per value of each parameter, the plots, and the failed variants with the command that
 * reruns each. Rates are over the variants that reported the metric; "–" when none did.
 */
final class SummaryMarkdown {

    /** At most this many failed variants are listed (all are in results.csv and junit.xml). */
    static final int MAX_LISTED_FAILURES = 50;

    private SummaryMarkdown() {
    }

    static String render(SweepManifest m, List<VariantRow> rows, List<String> plotFiles) {
        StringBuilder b = new StringBuilder();
        MetricStats all = new MetricStats();
        rows.forEach(all::add);
        b.append("# Sweep: ").append(cell(m.scenario())).append("\n\n");
        int points = m.seedsPerPoint() == 0 ? 0 : m.variants() / m.seedsPerPoint();
        b.append("`").append(m.file()).append("`: ").append(m.variants()).append(" variants = ").append(points)
                .append(" parameter points × ").append(m.seedsPerPoint()).append(" seeds (seed ").append(m.firstSeed());
        if (m.seedsPerPoint() > 1) {
            b.append("..").append(m.firstSeed() + m.seedsPerPoint() - 1);
        }
        b.append(")");
        if (m.shard() != null) {
            b.append("; this is shard ").append(m.shard()).append(" with ").append(rows.size()).append(" of them");
        }
        b.append(".\n");
        if (!m.sets().isEmpty()) {
            b.append("Overrides: `--set ").append(String.join("` `--set ", m.sets())).append("`.\n");
        }
        b.append("\n**").append(all.passed()).append(" passed, ").append(all.failed()).append(" failed, ")
                .append(all.errors()).append(" crashed.** Corruption rate ").append(pct(all.rate(MetricStats.CORRUPTED)))
                .append(", dump saved ").append(pct(all.rate(MetricStats.DUMP_SAVED))).append(".\n\n");

        b.append("## Parameters\n\n| parameter | values |\n|---|---|\n");
        for (SweepAxis a : m.parameters()) {
            b.append("| `").append(cell(a.path())).append("` | ").append(cell(String.join(", ", a.values()))).append(" |\n");
        }

        b.append("\n## Verdict rates per parameter point (over seeds)\n\n|");
        for (String p : m.paths()) {
            b.append(' ').append(cell(p)).append(" |");
        }
        b.append(" variants | passed | failed | crashed | corruption rate | dump saved | mean tainted pages | mean SMMU events lost |\n|");
        b.append("---|".repeat(m.paths().size() + 8)).append('\n');
        Map<List<String>, MetricStats> byPoint = new LinkedHashMap<>();
        for (VariantRow r : rows) {
            byPoint.computeIfAbsent(new ArrayList<>(r.parameters().values()), k -> new MetricStats()).add(r);
        }
        for (Map.Entry<List<String>, MetricStats> e : byPoint.entrySet()) {
            b.append('|');
            for (String v : e.getKey()) {
                b.append(' ').append(cell(v)).append(" |");
            }
            MetricStats s = e.getValue();
            b.append(' ').append(s.variants()).append(" | ").append(s.passed()).append(" | ").append(s.failed()).append(" | ")
                    .append(s.errors()).append(" | ").append(rates(s)).append('\n');
        }

        for (SweepAxis a : m.parameters()) {
            b.append("\n## By ").append(cell(a.path())).append("\n\n| value | variants | passed | failed | crashed | corruption rate | dump saved | mean tainted pages | mean SMMU events lost |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n");
            Map<String, MetricStats> byValue = new LinkedHashMap<>();
            a.values().forEach(v -> byValue.put(v, new MetricStats()));
            for (VariantRow r : rows) {
                MetricStats s = byValue.get(r.parameters().get(a.path()));
                if (s != null) {
                    s.add(r);
                }
            }
            for (Map.Entry<String, MetricStats> e : byValue.entrySet()) {
                MetricStats s = e.getValue();
                if (s.variants() == 0) {
                    continue;
                }
                b.append("| ").append(cell(e.getKey())).append(" | ").append(s.variants()).append(" | ").append(s.passed()).append(" | ")
                        .append(s.failed()).append(" | ").append(s.errors()).append(" | ").append(rates(s)).append('\n');
            }
        }

        if (!plotFiles.isEmpty()) {
            b.append("\n## Plots\n\n");
            for (String f : plotFiles) {
                if (f.endsWith(".svg")) {
                    b.append("![").append(f).append("](").append(f).append(")\n");
                }
            }
        }

        List<VariantRow> bad = rows.stream().filter(r -> r.status() != VariantStatus.PASSED).toList();
        if (!bad.isEmpty()) {
            b.append("\n## Failed and crashed variants\n\n");
            for (VariantRow r : bad.subList(0, Math.min(bad.size(), MAX_LISTED_FAILURES))) {
                b.append("- #").append(r.index()).append(' ').append(JunitXml.testName(r)).append(": ");
                b.append(r.status() == VariantStatus.ERROR ? "crashed: " + oneLine(r.error()) : "failed: " + oneLine(String.join("; ", r.failedExpectations())));
                b.append("  \n  `").append(Reproduce.command(m.file(), r)).append("`\n");
            }
            if (bad.size() > MAX_LISTED_FAILURES) {
                b.append("- ... and ").append(bad.size() - MAX_LISTED_FAILURES).append(" more (see results.csv)\n");
            }
        }
        return b.toString();
    }

    private static String rates(MetricStats s) {
        return pct(s.rate(MetricStats.CORRUPTED)) + " | " + pct(s.rate(MetricStats.DUMP_SAVED)) + " | " + num(s.mean(MetricStats.TAINTED))
                + " | " + num(s.mean(MetricStats.EVENTS_LOST)) + " |";
    }

    static String pct(double rate) {
        return Double.isNaN(rate) ? "–" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String cell(String s) {
        return oneLine(s).replace("|", "\\|");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", " ").replace("\n", " ");
    }
}
