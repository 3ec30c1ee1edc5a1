package dev.kdumpsim.scenarios.binding;

import dev.kdumpsim.core.SpecNamed;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.error.Suggest;
import dev.kdumpsim.scenarios.model.Doc;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Binds a node tree to the model records, strictly: every key must be a record component,
 * every required component present, every value of the right shape and syntax. The first
 * error found is thrown as a {@link ScenarioException} at the offending node's position.
 *
 * <p>Why not Jackson: its record (creator) binding buffers properties and reports unknown ones
 * at -1:-1 (jackson-core issue 399, creator-property buffering); walking composed nodes keeps every mark.
 */
public final class RecordBinder {

    private final Locations locations = new Locations();

    public Locations locations() {
        return locations;
    }

    /** Binds {@code node} as a value of {@code type}; {@code what} names it in messages. */
    public Object bind(Node node, Type type, String what, Object parent) throws ScenarioException {
        if (Types.isOptional(type)) {
            return Yaml.isNull(node) ? Optional.empty() : Optional.of(bind(node, Types.arg(type, 0), what, parent));
        }
        if (Yaml.isNull(node)) {
            throw Yaml.error(node, what + " has no value", "write a value or remove the key");
        }
        if (Types.isRecord(type)) {
            return bindRecord(node, Types.raw(type), what, parent);
        }
        if (Types.isList(type)) {
            if (!(node instanceof SequenceNode seq)) {
                throw Yaml.error(node, what + ": expected a list, got " + Yaml.kind(node), "write '- item' lines or [a, b]");
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                out.add(bind(seq.getValue().get(i), Types.arg(type, 0), what + "[" + i + "]", parent));
            }
            return Collections.unmodifiableList(out);
        }
        if (Types.isMap(type)) {
            MappingNode map = mapping(node, what, "key: value lines");
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = key(t, what);
                if (out.containsKey(key)) {
                    throw Yaml.error(t.getKeyNode(), "duplicate key '" + key + "' in " + what, "remove one of them");
                }
                out.put(key, bind(t.getValueNode(), Types.arg(type, 1), what + "." + key, parent));
            }
            return Collections.unmodifiableMap(out);
        }
        String text = scalar(node, type, what);
        Class<?> c = Types.raw(type);
        if (c == String.class) {
            return text;
        }
        if (Types.isInteger(type)) {
            return parseInteger(node, text, c == int.class || c == Integer.class, what);
        }
        if (Types.isBoolean(type)) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.valueOf(t);
            }
            throw Yaml.error(node, what + ": expected true or false, got " + Yaml.kind(node),
                    "YAML 1.2 booleans are true/false; yes/no/on/off are strings");
        }
        if (Types.isSpecEnum(type)) {
            for (Object constant : c.getEnumConstants()) {
                if (((SpecNamed) constant).specName().equals(text.strip())) {
                    return constant;
                }
            }
            throw Yaml.error(node, what + ": unknown name '" + Yaml.shorten(text) + "'", Suggest.hint(text.strip(), Types.specNames(c)));
        }
        if (Types.isTypedValue(type)) {
            try {
                return c.getMethod("parse", String.class).invoke(null, text);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException iae) {
                    throw Yaml.error(node, what + ": " + iae.getMessage(), "write " + Types.syntaxExample(c));
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("unsupported scenario field type " + type);
    }

    private Object bindRecord(Node node, Class<?> type, String what, Object parent) throws ScenarioException {
        RecordShape shape = RecordShape.of(type);
        MappingNode map = mapping(node, what, "key: value lines for " + String.join(", ", shape.keyNames));
        int n = shape.components.length;
        Node[] values = new Node[n];
        List<NodeTuple> otherTuples = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            String key = key(t, what);
            int i = shape.indexOfKey(key);
            if (i < 0 && shape.otherKeys >= 0) {
                otherTuples.add(t);
                continue;
            }
            if (i < 0) {
                throw Yaml.error(t.getKeyNode(), "unknown key '" + Yaml.shorten(key) + "' in " + what, Suggest.hint(key, shape.componentNames));
            }
            if (values[i] != null) {
                throw Yaml.error(t.getKeyNode(), "duplicate key '" + key + "' in " + (what.isEmpty() ? "the scenario" : what),
                        "remove one of them");
            }
            values[i] = t.getValueNode();
        }
        if (!otherTuples.isEmpty()) {
            values[shape.otherKeys] = new MappingNode(Tag.MAP, true, otherTuples,
                    FlowStyle.BLOCK, map.getStartMark(), map.getEndMark());
        }
        // the record does not exist yet: children point at a placeholder that is re-keyed below
        Object placeholder = new Object();
        locations.put(placeholder, map, parent);
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            Doc doc = shape.doc(i);
            String name = i == shape.otherKeys ? what : what.isEmpty() ? shape.names[i] : what + "." + shape.names[i];
            if (values[i] != null) {
                args[i] = bind(values[i], shape.genericTypes[i], name, placeholder);
            } else if (doc.required()) {
                throw Yaml.error(map, "missing required key '" + shape.names[i] + "' in " + (what.isEmpty() ? "the scenario" : what),
                        "add '" + shape.names[i] + ":' — " + doc.value());
            } else {
                args[i] = defaultValue(doc, shape.genericTypes[i], name, placeholder);
            }
        }
        Object record;
        try {
            record = shape.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw Yaml.error(map, what + ": " + iae.getMessage(), "");
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        locations.rekey(placeholder, record);
        return record;
    }

    /** The value of an absent key: its {@code @Doc} default, else empty / all-defaults. */
    private Object defaultValue(Doc doc, Type t, String name, Object parent) throws ScenarioException {
        if (!doc.dflt().isEmpty()) {
            return bind(DefaultNodes.of(doc.dflt()), t, name, parent);
        }
        if (Types.isOptional(t)) {
            return Optional.empty();
        }
        if (Types.isList(t)) {
            return List.of();
        }
        if (Types.isMap(t)) {
            return Map.of();
        }
        if (Types.isRecord(t)) {
            return bind(DefaultNodes.of("{}"), t, name, parent);
        }
        throw new IllegalStateException("field without default must be required: " + t + " " + name);
    }

    private static MappingNode mapping(Node node, String what, String hint) throws ScenarioException {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw Yaml.error(node, (what.isEmpty() ? "the scenario" : what) + ": expected a mapping, got " + Yaml.kind(node), "write " + hint);
    }

    private static String key(NodeTuple t, String what) throws ScenarioException {
        if (t.getKeyNode() instanceof ScalarNode k && !Yaml.isNull(k)) {
            return k.getValue();
        }
        throw Yaml.error(t.getKeyNode(), "keys in " + (what.isEmpty() ? "the scenario" : what) + " must be plain names", "");
    }

    private static String scalar(Node node, Type type, String what) throws ScenarioException {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        String expected = Types.isRecord(type) ? "a mapping" : Types.isInteger(type) ? "an integer"
                : Types.isBoolean(type) ? "true or false" : Types.isTypedValue(type) ? Types.syntaxExample(Types.raw(type))
                : Types.isSpecEnum(type) ? "one of " + String.join(", ", Types.specNames(Types.raw(type))) : "a single value";
        throw Yaml.error(node, what + ": expected " + expected + ", got " + Yaml.kind(node), "");
    }

    private static Object parseInteger(Node node, String text, boolean isInt, String what) throws ScenarioException {
        String s = text.strip().replace("_", "");
        try {
            long v;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                v = Long.parseLong(s.substring(2), 16);
            } else {
                v = Long.parseLong(s);
            }
            if (isInt) {
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw Yaml.error(node, what + ": " + s + " is out of range", "at most " + Integer.MAX_VALUE);
                }
                return (int) v;
            }
            return v;
        } catch (NumberFormatException e) {
            throw Yaml.error(node, what + ": expected an integer, got " + Yaml.kind(node), "write e.g. 16 or 0x10");
        }
    }
}
