package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.core.SpecNamed;
import dev.kdumpsim.scenarios.binding.Json;
import dev.kdumpsim.scenarios.binding.RecordBinder;
import dev.kdumpsim.scenarios.binding.ScenarioJson;
import dev.kdumpsim.scenarios.binding.Types;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Doc;
import dev.kdumpsim.scenarios.model.Scenario;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft-07 JSON Schema of the scenario format, generated from the model records and their
 * {@link Doc} annotations (so it cannot drift from the loader). Editors use it through
 * {@code # yaml-language-server: $schema=...}; {@code kdumpsim schema} prints it.
 */
public final class JsonSchemas {

    private JsonSchemas() {
    }

    /** Pretty-printed, deterministic schema text. */
    public static String scenarioSchema() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$id", "https://kdumpsim.dev/schema/scenario.json");
        root.put("title", "kdumpsim scenario");
        root.putAll(schema(Scenario.class));
        root.put("properties", withExtends(root.get("properties")));
        return Json.pretty(root);
    }

    /** {@code extends:} is not a field of the model (the loader merges it away, {@link Extends}) but editors must accept it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withExtends(Object properties) {
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("type", "string");
        ext.put("description", "A base scenario file (path relative to this file) this one is merged over: mappings merge key by key,"
                + " lists and values are replaced, this file's keys win; chains of at most " + Extends.MAX_DEPTH + " bases");
        p.put(Extends.KEY, ext);
        p.putAll((Map<String, Object>) properties);
        return p;
    }

    private static Map<String, Object> schema(Type type) {
        Map<String, Object> s = new LinkedHashMap<>();
        Class<?> c = Types.raw(type);
        if (Types.isOptional(type)) {
            return schema(Types.arg(type, 0));
        } else if (Types.isRecord(type)) {
            Doc doc = c.getAnnotation(Doc.class);
            s.put("type", "object");
            if (doc != null) {
                s.put("description", doc.value());
            }
            Map<String, Object> props = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            RecordComponent others = Types.otherKeys(c);
            for (RecordComponent rc : c.getRecordComponents()) {
                if (others != null && rc.getName().equals(others.getName())) {
                    continue;
                }
                props.put(rc.getName(), property(rc));
                if (Types.doc(rc).required()) {
                    required.add(rc.getName());
                }
            }
            s.put("properties", props);
            if (!required.isEmpty()) {
                s.put("required", required);
            }
            if (others == null) {
                s.put("additionalProperties", false);
            } else {
                Map<String, Object> rest = new LinkedHashMap<>(schema(Types.arg(others.getGenericType(), 1)));
                rest.put("description", Types.doc(others).value());
                s.put("additionalProperties", rest);
            }
        } else if (Types.isList(type)) {
            s.put("type", "array");
            s.put("items", schema(Types.arg(type, 0)));
        } else if (Types.isMap(type)) {
            s.put("type", "object");
            s.put("additionalProperties", schema(Types.arg(type, 1)));
        } else if (c == String.class) {
            s.put("type", "string");
        } else if (Types.isInteger(type)) {
            s.put("type", List.of("integer", "string"));
            s.put("pattern", Types.INTEGER_PATTERN);
        } else if (Types.isBoolean(type)) {
            s.put("type", "boolean");
        } else if (Types.isSpecEnum(type)) {
            s.put("type", "string");
            s.put("enum", Types.specNames(c));
            List<String> lines = new ArrayList<>();
            for (Object e : c.getEnumConstants()) {
                lines.add(((SpecNamed) e).specName() + ": " + ((SpecNamed) e).description());
            }
            s.put("description", String.join("; ", lines));
        } else if (Types.isTypedValue(type)) {
            String pattern = Types.syntaxPattern(c);
            // addresses and sizes may also be plain YAML integers (0x.. is an integer in YAML 1.2 core)
            // hex values too (0x8086 unquoted is an integer); fractions are YAML floats when unquoted
            s.put("type", c == dev.kdumpsim.scenarios.value.Fraction.class ? List.of("string", "number")
                    : pattern != null && (c.getSimpleName().equals("PhysAddr") || c.getSimpleName().equals("ByteSize")
                    || c == dev.kdumpsim.scenarios.value.HexValue.class) ? List.of("string", "integer") : "string");
            if (c == dev.kdumpsim.scenarios.value.Fraction.class) {
                s.put("minimum", 0);
                s.put("maximum", 1);
            }
            if (pattern != null) {
                s.put("pattern", pattern);
            }
            if (c == dev.kdumpsim.scenarios.value.IommuDriverName.class) {
                s.put("enum", dev.kdumpsim.scenarios.value.IommuDriverName.all());
            }
            s.put("description", Types.syntaxExample(c));
        } else {
            throw new IllegalStateException("no schema for " + type);
        }
        return s;
    }

    private static Map<String, Object> property(RecordComponent rc) {
        Doc doc = Types.doc(rc);
        Map<String, Object> s = new LinkedHashMap<>(schema(rc.getGenericType()));
        String typeDescription = (String) s.remove("description");
        String description = doc.value();
        if (typeDescription != null && !Types.isRecord(rc.getGenericType())) {
            description += " (" + typeDescription + ")";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("description", description);
        out.putAll(s);
        if (rc.getDeclaringRecord() == dev.kdumpsim.scenarios.model.Endpoint.class && rc.getName().equals("preset")) {
            out.put("enum", presetNames()); // the catalogue's devices, for completion in editors
        }
        Object dflt = defaultJson(rc);
        if (dflt != null) {
            out.put("default", dflt);
        }
        return out;
    }

    private static List<String> presetNames() {
        try {
            return dev.kdumpsim.scenarios.devices.DeviceCatalogue.bundled().names();
        } catch (ScenarioException e) {
            throw new IllegalStateException("the bundled device catalogue does not load: " + e.format());
        }
    }

    /** The bound default in JSON form; records with no written default get none (their fields carry theirs). */
    private static Object defaultJson(RecordComponent rc) {
        Doc doc = Types.doc(rc);
        Type t = rc.getGenericType();
        if (doc.dflt().isEmpty() && (Types.isOptional(t) || Types.isRecord(t) || doc.required())) {
            return null;
        }
        try {
            Object v = new RecordBinder().bind(Yaml.compose(Yaml.DEFAULT_LABEL, doc.dflt().isEmpty() ? (Types.isMap(t) ? "{}" : "[]") : doc.dflt()),
                    t, rc.getName(), null);
            return ScenarioJson.toJsonValue(v);
        } catch (ScenarioException e) {
            throw new IllegalStateException("bad default of " + rc + ": " + e.format());
        }
    }
}
