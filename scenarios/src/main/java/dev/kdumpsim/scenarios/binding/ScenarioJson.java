package dev.kdumpsim.scenarios.binding;

import dev.kdumpsim.core.SpecNamed;
import dev.kdumpsim.scenarios.value.Bdf;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical JSON form of scenario values (records as objects in component order, typed
 * values in their string syntax, enums by spec name, absent Optionals left out). JSON is YAML,
 * so {@link #toJson} output loads back to an equal {@code Scenario}; the CLI can use it to write
 * the effective parameters into report.json.
 */
public final class ScenarioJson {

    private ScenarioJson() {
    }

    /** Map / List / String / Long / Integer / Boolean tree of a scenario value. */
    public static Object toJsonValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Optional<?> o) {
            return o.map(ScenarioJson::toJsonValue).orElse(null);
        }
        if (value instanceof SpecNamed n) {
            return n.specName();
        }
        if (value instanceof Bdf b) {
            return b.segment() == 0 ? b.toString() : b.pciName();
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(toJsonValue(v)));
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toJsonValue(v)));
            return out;
        }
        if (dev.kdumpsim.scenarios.binding.Types.TYPED_VALUES.contains(value.getClass())) {
            return value.toString(); // typed values: their parseable syntax
        }
        if (value instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    Object v = toJsonValue(rc.getAccessor().invoke(r));
                    if (v instanceof Map<?, ?> others && dev.kdumpsim.scenarios.binding.Types.doc(rc).otherKeys()) {
                        others.forEach((k, x) -> out.put(String.valueOf(k), x)); // its keys sit in the record's own mapping
                    } else if (v != null) {
                        out.put(rc.getName(), v);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString(); // typed values: their parseable syntax
    }

    /** Pretty-printed JSON (2-space indent, "\n" line ends), deterministic. */
    public static String toJson(Object value) {
        return Json.pretty(toJsonValue(value));
    }
}
