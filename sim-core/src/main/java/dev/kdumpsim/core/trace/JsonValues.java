package dev.kdumpsim.core.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A trace argument as a JSON value: integers and finite floating-point numbers as numbers,
 * booleans and null as themselves, iterables and arrays of objects as arrays, maps as objects
 * (keys as strings, sorted unless the map is a {@link SortedMap} or {@link LinkedHashMap}, so
 * hash order never reaches the output), anything else as the string of {@link String#valueOf}.
 */
final class JsonValues {

    private JsonValues() {
    }

    static void append(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                sb.append(d); // Double.toString: locale-free, a valid JSON number
            } else {
                JsonText.quote(sb, Double.toString(d));
            }
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof Iterable<?> it) {
            sb.append('[');
            boolean first = true;
            for (Object o : it) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                append(sb, o);
            }
            sb.append(']');
        } else if (v instanceof Object[] arr) {
            append(sb, java.util.Arrays.asList(arr));
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (!(m instanceof SortedMap || m instanceof LinkedHashMap)) {
                entries.sort(Comparator.comparing(e -> String.valueOf(e.getKey())));
            }
            for (Map.Entry<?, ?> e : entries) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                JsonText.quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                append(sb, e.getValue());
            }
            sb.append('}');
        } else {
            JsonText.quote(sb, String.valueOf(v));
        }
    }
}
