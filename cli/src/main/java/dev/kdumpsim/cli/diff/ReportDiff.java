package dev.kdumpsim.cli.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed between two report.json trees, section by section (verdict, ledger, IOMMU
 * events, AER, timeline): every leaf whose value differs, as {@code path: A -> B}. The scenario's
 * echoed parameters and the version string are not compared (they say what ran, not what
 * happened).
 */
final class ReportDiff {

    static final List<String> SECTIONS = List.of("verdict", "ledger", "smmuEvents", "aer", "timeline", "expectations");

    private ReportDiff() {
    }

    /** Section name to its changed leaves, in {@link #SECTIONS} order; sections without change are left out. */
    static Map<String, List<String>> changes(JsonNode a, JsonNode b) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String s : SECTIONS) {
            TreeMap<String, String> la = new TreeMap<>();
            TreeMap<String, String> lb = new TreeMap<>();
            flatten(s, a.path(s), la);
            flatten(s, b.path(s), lb);
            List<String> lines = new ArrayList<>();
            TreeMap<String, Boolean> keys = new TreeMap<>();
            la.keySet().forEach(k -> keys.put(k, true));
            lb.keySet().forEach(k -> keys.put(k, true));
            for (String k : keys.keySet()) {
                if (underNullOnOtherSide(k, la, lb)) {
                    continue; // reported once, as the whole object becoming (or ceasing to be) null
                }
                String va = la.getOrDefault(k, objectOrAbsent(k, la));
                String vb = lb.getOrDefault(k, objectOrAbsent(k, lb));
                if (!va.equals(vb)) {
                    lines.add(k + ": " + va + " -> " + vb + delta(va, vb));
                }
            }
            if (!lines.isEmpty()) {
                out.put(s, lines);
            }
        }
        return out;
    }

    /** A leaf below an object whose counterpart on the other side is null. */
    private static boolean underNullOnOtherSide(String k, TreeMap<String, String> a, TreeMap<String, String> b) {
        for (int i = k.lastIndexOf('.'); i > 0; i = k.lastIndexOf('.', i - 1)) {
            String parent = k.substring(0, i);
            if ("null".equals(a.get(parent)) || "null".equals(b.get(parent))) {
                return true;
            }
        }
        return false;
    }

    /** "{n fields}" when {@code k} is an object on this side (its leaves are listed), else "(absent)". */
    private static String objectOrAbsent(String k, TreeMap<String, String> side) {
        int n = side.subMap(k + ".", k + "/").size();
        return n == 0 ? "(absent)" : "{" + n + " fields}";
    }

    private static String delta(String a, String b) {
        try {
            long d = Long.parseLong(b) - Long.parseLong(a);
            return " (" + (d > 0 ? "+" : "") + d + ")";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static void flatten(String path, JsonNode n, Map<String, String> out) {
        if (n.isMissingNode()) {
            return;
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(x -> items.add(x.isValueNode() ? x.asText() : x.toString()));
            out.put(path, "[" + String.join(", ", items) + "]");
        } else {
            out.put(path, n.isNull() ? "null" : n.asText());
        }
    }
}
