package dev.kdumpsim.scenarios.binding;

import java.util.List;
import java.util.Map;

/**
 * The one JSON writer of the project's outputs (report.json, the schema, sweep files): maps keep
 * their order, numbers are Long/Integer/Double (non-finite doubles as null), strings escaped as
 * JSON requires. Pretty output is two-space indented with "\n" line ends; compact output has no
 * spaces. Deterministic, so equal trees give equal bytes.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    /** One line, no spaces. */
    public static String compact(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, null);
        return b.toString();
    }

    /** Two-space indented, "\n" line ends, ending in a newline. */
    public static String pretty(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, "");
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                newline(b, indent, 1);
                string(b, String.valueOf(e.getKey()));
                b.append(indent == null ? ":" : ": ");
                write(b, e.getValue(), indent == null ? null : indent + "  ");
                if (++i < m.size()) {
                    b.append(',');
                }
            }
            newline(b, indent, 0);
            b.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                newline(b, indent, 1);
                write(b, l.get(i), indent == null ? null : indent + "  ");
                if (i + 1 < l.size()) {
                    b.append(',');
                }
            }
            newline(b, indent, 0);
            b.append(']');
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Double d) {
            b.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
        } else if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            b.append(v);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static void newline(StringBuilder b, String indent, int deeper) {
        if (indent != null) {
            b.append('\n').append(indent);
            if (deeper > 0) {
                b.append("  ");
            }
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
