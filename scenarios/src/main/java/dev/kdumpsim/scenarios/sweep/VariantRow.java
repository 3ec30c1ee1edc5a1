package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.binding.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finished variant: a line of results.jsonl and of the journal, a row of results.csv, a
 * JUnit testcase. Metric values are normalized on construction (Integer to Long, Float to
 * Double, non-finite to null, anything else to its string) so a row read back from JSON equals
 * the row it was written from, and resumed sweeps print byte for byte like uninterrupted ones.
 * {@code simulatedNs} is where the run ended on the simulation clock ({@link VariantOutcome}), null
 * for a variant whose runner threw.
 */
public record VariantRow(int index, Map<String, String> parameters, long seed, VariantStatus status,
        List<String> failedExpectations, String error, Long simulatedNs, Map<String, Object> metrics, List<String> setArgs) {

    public VariantRow {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        failedExpectations = List.copyOf(failedExpectations);
        Map<String, Object> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> m.put(k, normalize(v)));
        metrics = Collections.unmodifiableMap(m);
        setArgs = List.copyOf(setArgs);
    }

    /** The row of a variant the runner finished. */
    static VariantRow of(Variant v, List<String> paths, VariantOutcome o) {
        return new VariantRow(v.index(), parameters(v, paths), v.seed(), o.passed() ? VariantStatus.PASSED : VariantStatus.FAILED,
                o.failedExpectations(), null, o.simulatedNs(), o.metrics(), v.setArgs());
    }

    /** The row of a variant whose runner threw. */
    static VariantRow crashed(Variant v, List<String> paths, Throwable t) {
        String message = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return new VariantRow(v.index(), parameters(v, paths), v.seed(), VariantStatus.ERROR, List.of(), message, null, Map.of(), v.setArgs());
    }

    private static Map<String, String> parameters(Variant v, List<String> paths) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            p.put(paths.get(i), v.values().get(i));
        }
        return p;
    }

    private static Object normalize(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof String) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? (Object) d : null;
        }
        return String.valueOf(v);
    }

    /** The JSON object (results.jsonl and journal line). */
    Map<String, Object> toJson() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("variant", (long) index);
        o.put("parameters", new LinkedHashMap<String, Object>(parameters));
        o.put("seed", seed);
        o.put("status", status.label());
        o.put("failedExpectations", new ArrayList<Object>(failedExpectations));
        o.put("error", error);
        o.put("simulatedNs", simulatedNs);
        o.put("metrics", new LinkedHashMap<>(metrics));
        o.put("set", new ArrayList<Object>(setArgs));
        return o;
    }

    String toJsonLine() {
        return Json.compact(toJson());
    }

    /** Reads a row written by {@link #toJsonLine()}; IllegalArgumentException if it is not one. */
    @SuppressWarnings("unchecked")
    static VariantRow fromJsonLine(String line) {
        Object parsed = Json.parse(line);
        try {
            Map<String, Object> o = (Map<String, Object>) parsed;
            Map<String, String> params = new LinkedHashMap<>();
            ((Map<String, Object>) o.get("parameters")).forEach((k, v) -> params.put(k, (String) v));
            List<String> failed = new ArrayList<>();
            ((List<Object>) o.get("failedExpectations")).forEach(x -> failed.add((String) x));
            List<String> set = new ArrayList<>();
            ((List<Object>) o.get("set")).forEach(x -> set.add((String) x));
            long index = (Long) o.get("variant");
            if (!o.containsKey("simulatedNs")) {
                throw new IllegalArgumentException("not a sweep result row (no simulatedNs)");
            }
            return new VariantRow(Math.toIntExact(index), params, (Long) o.get("seed"), VariantStatus.of((String) o.get("status")),
                    failed, (String) o.get("error"), (Long) o.get("simulatedNs"), (Map<String, Object>) o.get("metrics"), set);
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("not a sweep result row");
        }
    }
}
