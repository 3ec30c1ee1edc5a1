package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.binding.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep is, written to {@code sweep.json} in its output directory: everything the output
 * files are made from besides the rows, so {@code kdumpsim merge} can rebuild an unsharded
 * sweep's files from shard directories alone. {@code shard} is null for a whole sweep (and for
 * a merge), "k/n" for a shard.
 *
 * @param heatmapX null when the sweep has fewer than two parameters
 * @param policyX null when there are no per-policy charts
 */
public record SweepManifest(String file, String scenario, List<String> sets, List<SweepAxis> parameters, int seedsPerPoint,
        long firstSeed, int variants, String heatmapX, String heatmapY, String policy, String policyX, String shard) {

    /** The manifest, journal and results format; /2 added each row's simulatedNs (junit.xml's time). */
    static final String FORMAT = "kdumpsim-sweep/2";

    public SweepManifest {
        sets = List.copyOf(sets);
        parameters = List.copyOf(parameters);
    }

    public List<String> paths() {
        List<String> p = new ArrayList<>();
        parameters.forEach(a -> p.add(a.path()));
        return p;
    }

    public SweepManifest withShard(Shard s) {
        return new SweepManifest(file, scenario, sets, parameters, seedsPerPoint, firstSeed, variants, heatmapX, heatmapY, policy, policyX,
                s.isAll() ? null : s.toString());
    }

    Map<String, Object> toJson() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("format", FORMAT);
        o.put("scenario", scenario);
        o.put("file", file);
        o.put("set", new ArrayList<Object>(sets));
        List<Object> params = new ArrayList<>();
        for (SweepAxis a : parameters) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("path", a.path());
            p.put("values", new ArrayList<Object>(a.values()));
            params.add(p);
        }
        o.put("parameters", params);
        o.put("seedsPerPoint", (long) seedsPerPoint);
        o.put("firstSeed", firstSeed);
        o.put("variants", (long) variants);
        o.put("heatmapX", heatmapX);
        o.put("heatmapY", heatmapY);
        o.put("policy", policy);
        o.put("policyX", policyX);
        o.put("shard", shard);
        return o;
    }

    String toJsonText() {
        return Json.pretty(toJson());
    }

    @SuppressWarnings("unchecked")
    static SweepManifest fromJson(Object json) {
        try {
            Map<String, Object> o = (Map<String, Object>) json;
            if (!FORMAT.equals(o.get("format"))) {
                throw new IllegalArgumentException("not a " + FORMAT + " manifest");
            }
            List<SweepAxis> params = new ArrayList<>();
            for (Object p : (List<Object>) o.get("parameters")) {
                Map<String, Object> m = (Map<String, Object>) p;
                params.add(new SweepAxis((String) m.get("path"), strings(m.get("values"))));
            }
            return new SweepManifest((String) o.get("file"), (String) o.get("scenario"), strings(o.get("set")), params,
                    Math.toIntExact((Long) o.get("seedsPerPoint")), (Long) o.get("firstSeed"), Math.toIntExact((Long) o.get("variants")),
                    (String) o.get("heatmapX"), (String) o.get("heatmapY"), (String) o.get("policy"), (String) o.get("policyX"),
                    (String) o.get("shard"));
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("not a sweep manifest");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object x : (List<Object>) list) {
            out.add((String) x);
        }
        return out;
    }
}
