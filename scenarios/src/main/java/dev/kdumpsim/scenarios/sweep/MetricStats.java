package dev.kdumpsim.scenarios.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verdict rates and means over a group of rows (one parameter point over its seeds, or one
 * value of one parameter): per metric key, how many rows had a value, how many were true
 * (Booleans) and the sum (numbers). Rows that crashed have no metrics and count only as errors.
 */
final class MetricStats {

    /** Metric keys the summary and plots are about (issue 8; the lead's report keys). */
    static final String CORRUPTED = "verdict.kdumpCorrupted";
    static final String DUMP_SAVED = "verdict.dumpSaved";
    /** Whether the kdump kernel was alive at the end (verdict.kdumpKernel == alive), as a boolean metric. */
    static final String KDUMP_ALIVE = "verdict.kdumpAlive";
    static final String TAINTED = "verdict.dumpTaintedPages";
    static final String EVENTS_LOST = "smmuEvents.lost";

    private int variants;
    private int passed;
    private int failed;
    private int errors;
    private final Map<String, long[]> counts = new LinkedHashMap<>(); // key -> {present, trues}
    private final Map<String, Double> sums = new LinkedHashMap<>();

    void add(VariantRow r) {
        variants++;
        switch (r.status()) {
            case PASSED -> passed++;
            case FAILED -> failed++;
            case ERROR -> errors++;
        }
        for (Map.Entry<String, Object> e : r.metrics().entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            long[] c = counts.computeIfAbsent(e.getKey(), k -> new long[2]);
            c[0]++;
            if (Boolean.TRUE.equals(v)) {
                c[1]++;
            }
            if (v instanceof Number n) {
                sums.merge(e.getKey(), n.doubleValue(), Double::sum);
            }
        }
    }

    int variants() {
        return variants;
    }

    int passed() {
        return passed;
    }

    int failed() {
        return failed;
    }

    int errors() {
        return errors;
    }

    /** Fraction of rows with a value for {@code key} where it was true; NaN when none had one. */
    double rate(String key) {
        long[] c = counts.get(key);
        return c == null || c[0] == 0 ? Double.NaN : (double) c[1] / c[0];
    }

    /** Mean of a numeric metric over rows that had it; NaN when none had one. */
    double mean(String key) {
        long[] c = counts.get(key);
        Double s = sums.get(key);
        return c == null || s == null || c[0] == 0 ? Double.NaN : s / c[0];
    }
}
