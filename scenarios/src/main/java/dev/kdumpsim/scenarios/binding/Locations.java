package dev.kdumpsim.scenarios.binding;

import dev.kdumpsim.scenarios.error.ScenarioException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Where each bound record came from, so semantic checks after binding (crashkernel outside DRAM,
 * unknown BDF, ...) still report {@code file:line:col}. Keyed by record identity; a record built
 * from a default points at its nearest ancestor written in the file.
 */
public final class Locations {

    private final Map<Object, MappingNode> nodes = new IdentityHashMap<>();
    private final Map<Object, Object> parents = new IdentityHashMap<>();

    void put(Object record, MappingNode node, Object parent) {
        nodes.put(record, node);
        if (parent != null) {
            parents.put(record, parent);
        }
    }

    /** Moves what was recorded for a placeholder (children bound before the record existed) to the record. */
    void rekey(Object placeholder, Object record) {
        nodes.put(record, nodes.remove(placeholder));
        Object parent = parents.remove(placeholder);
        if (parent != null) {
            parents.put(record, parent);
        }
        for (Map.Entry<Object, Object> e : parents.entrySet()) {
            if (e.getValue() == placeholder) {
                e.setValue(record);
            }
        }
    }

    /** An error at {@code record.field} (or at the record, or an ancestor, when not written). */
    public ScenarioException error(Object record, String field, String message, String hint) {
        return Yaml.error(node(record, field), message, hint);
    }

    /** An error at element {@code index} of the list {@code record.field}. */
    public ScenarioException error(Object record, String field, int index, String message, String hint) {
        Node n = node(record, field);
        if (n instanceof SequenceNode s && index < s.getValue().size()) {
            n = s.getValue().get(index);
        }
        return Yaml.error(n, message, hint);
    }

    /** An error at the key {@code key} of the mapping {@code record.field} (or at the mapping, when not written). */
    public ScenarioException errorAtKey(Object record, String field, String key, String message, String hint) {
        Node n = node(record, field);
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Yaml.error(k, message, hint);
                }
            }
        }
        return Yaml.error(n, message, hint);
    }

    /** Whether {@code field} was written in {@code record}'s own mapping (in the file or a --set), not filled by a default. */
    public boolean written(Object record, String field) {
        MappingNode m = nodes.get(record);
        if (m == null || isDefault(m)) {
            return false;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private Node node(Object record, String field) {
        Object r = record;
        while (r != null) {
            MappingNode m = nodes.get(r);
            if (m != null && !isDefault(m)) {
                if (field != null && r == record) {
                    for (NodeTuple t : m.getValue()) {
                        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(field)) {
                            return t.getValueNode();
                        }
                    }
                }
                return m;
            }
            r = parents.get(r);
        }
        throw new IllegalStateException("no location for " + record);
    }

    private static boolean isDefault(Node n) {
        return n.getStartMark().map(mk -> Yaml.DEFAULT_LABEL.equals(mk.getName())).orElse(true);
    }
}
