package dev.kdumpsim.scenarios.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * results.csv (RFC 4180: comma separated, fields with commas, quotes or line breaks quoted,
 * CRLF-free "\n" line ends) and results.jsonl: one row per variant in variant order. The CSV's
 * metric columns are every metric key in first-seen order over the rows (rows of crashed
 * variants have none and leave them empty).
 */
final class ResultsTable {

    private ResultsTable() {
    }

    static List<String> metricKeys(List<VariantRow> rows) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(r.metrics().keySet()));
        return new ArrayList<>(keys);
    }

    static String csv(SweepManifest m, List<VariantRow> rows) {
        List<String> keys = metricKeys(rows);
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("variant");
        header.addAll(m.paths());
        header.add("seed");
        header.add("status");
        header.add("failed_expectations");
        header.add("error");
        header.addAll(keys);
        line(b, header);
        for (VariantRow r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(r.index()));
            for (String p : m.paths()) {
                cells.add(r.parameters().getOrDefault(p, ""));
            }
            cells.add(Long.toString(r.seed()));
            cells.add(r.status().label());
            cells.add(String.join("; ", r.failedExpectations()));
            cells.add(r.error() == null ? "" : r.error());
            for (String k : keys) {
                Object v = r.metrics().get(k);
                cells.add(v == null ? "" : v.toString());
            }
            line(b, cells);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append('\n');
    }

    static String jsonl(List<VariantRow> rows) {
        StringBuilder b = new StringBuilder();
        for (VariantRow r : rows) {
            b.append(r.toJsonLine()).append('\n');
        }
        return b.toString();
    }
}
