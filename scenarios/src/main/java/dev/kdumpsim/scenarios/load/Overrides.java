package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.Types;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.error.Suggest;
import dev.kdumpsim.scenarios.model.Scenario;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * {@code --set dotted.path=value} overrides, applied to the node tree before binding. The path
 * is checked against the scenario's types (so a typo is "unknown key ... did you mean"), list
 * elements are addressed as {@code endpoints[0]} or {@code endpoints.0}, and the value is parsed
 * as YAML ({@code --set mitigations=[flr-all]} works). Errors read {@code --set path: message}.
 */
public final class Overrides {

    private Overrides() {
    }

    /** Applies each override in order to {@code root} (a mapping). */
    public static void apply(Node root, List<String> overrides) throws ScenarioException {
        for (String o : overrides) {
            apply(root, o);
        }
    }

    private static void apply(Node root, String override) throws ScenarioException {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ScenarioException("--set " + override, 0, 0, "expected path=value", "e.g. --set seed=7 or --set kernels.kdump.smmuDriver=arm-smmu-v3@5.2");
        }
        String path = override.substring(0, eq).strip();
        String label = Yaml.setLabel(path);
        List<String> steps = steps(path, label);
        Node value = Yaml.compose(label, override.substring(eq + 1));
        Node node = root;
        Type type = Scenario.class;
        String at = "";
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            boolean last = i == steps.size() - 1;
            while (Types.isOptional(type)) {
                type = Types.arg(type, 0);
            }
            if (Types.isList(type)) {
                int index = index(step, label, at);
                if (!(node instanceof SequenceNode seq)) {
                    throw new ScenarioException(label, 0, 0, at + " is not a list in the file", "set the whole list, e.g. --set " + at + "=[...]");
                }
                if (index >= seq.getValue().size()) {
                    throw new ScenarioException(label, 0, 0, "index " + index + " is out of range: " + at + " has " + seq.getValue().size() + " items", "");
                }
                if (last) {
                    seq.getValue().set(index, value);
                    return;
                }
                node = seq.getValue().get(index);
                type = Types.arg(type, 0);
            } else if (Types.isRecord(type) || Types.isMap(type)) {
                Type child;
                RecordComponent rc = Types.isRecord(type) ? Types.component(Types.raw(type), step) : null;
                RecordComponent others = Types.isRecord(type) ? Types.otherKeys(Types.raw(type)) : null;
                if (Types.isRecord(type) && rc == null && others == null) {
                    throw new ScenarioException(label, 0, 0, "unknown key '" + step + "'" + (at.isEmpty() ? "" : " in " + at),
                            Suggest.hint(step, Types.componentNames(Types.raw(type))));
                }
                if (rc != null) {
                    child = rc.getGenericType();
                } else {
                    // map keys (and the other keys of a record that collects them) may contain dots
                    // (counter paths): take the longest existing key, else the whole rest of the path is the new key
                    child = Types.arg(others != null ? others.getGenericType() : type, 1);
                    int end = steps.size();
                    String key = String.join(".", steps.subList(i, end));
                    for (int j = end; j > i; j--) {
                        String candidate = String.join(".", steps.subList(i, j));
                        if (node instanceof MappingNode m && find(m, candidate) != null) {
                            key = candidate;
                            end = j;
                            break;
                        }
                    }
                    step = key;
                    last = end == steps.size();
                    i = end - 1;
                }
                if (!(node instanceof MappingNode map)) {
                    throw new ScenarioException(label, 0, 0, (at.isEmpty() ? "the scenario" : at) + " is not a mapping in the file", "");
                }
                Node existing = find(map, step);
                if (last) {
                    put(map, step, value);
                    return;
                }
                if (existing == null || Yaml.isNull(existing)) {
                    existing = Types.isList(child) || (Types.isOptional(child) && Types.isList(Types.arg(child, 0)))
                            ? new SequenceNode(Tag.SEQ, true, new ArrayList<>(), FlowStyle.FLOW, value.getStartMark(), Optional.empty())
                            : new MappingNode(Tag.MAP, true, new ArrayList<>(), FlowStyle.FLOW, value.getStartMark(), Optional.empty());
                    put(map, step, existing);
                }
                node = existing;
                type = child;
            } else {
                throw new ScenarioException(label, 0, 0, (at.isEmpty() ? "the scenario" : at) + " is a single value and has no '" + step + "'", "");
            }
            at = at.isEmpty() ? step : at + "." + step;
        }
    }

    /** "a.b[0].c" and "a.b.0.c" both give [a, b, 0, c]. */
    private static List<String> steps(String path, String label) throws ScenarioException {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            String p = part;
            int bracket = p.indexOf('[');
            String head = bracket < 0 ? p : p.substring(0, bracket);
            if (head.isEmpty() && !(bracket == 0 && !steps.isEmpty())) {
                throw new ScenarioException(label, 0, 0, "empty step in path '" + path + "'", "write e.g. platform.smmu.sidSizeBits");
            }
            if (!head.isEmpty()) {
                steps.add(head);
            }
            while (bracket >= 0) {
                int close = p.indexOf(']', bracket);
                if (close < 0) {
                    throw new ScenarioException(label, 0, 0, "unclosed '[' in path '" + path + "'", "write e.g. platform.pcie.topology.endpoints[0].bdf");
                }
                steps.add(p.substring(bracket + 1, close));
                p = p.substring(close + 1);
                bracket = p.indexOf('[');
                if (bracket != 0 && !p.isEmpty()) {
                    throw new ScenarioException(label, 0, 0, "unexpected '" + p + "' in path '" + path + "'", "");
                }
            }
        }
        return steps;
    }

    private static int index(String step, String label, String at) throws ScenarioException {
        try {
            int i = Integer.parseInt(step);
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ScenarioException(label, 0, 0, at + " is a list: '" + step + "' is not an index", "write " + at + "[0] or " + at + ".0");
    }

    private static Node find(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static void put(MappingNode map, String key, Node value) {
        List<NodeTuple> tuples = new ArrayList<>();
        boolean replaced = false;
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                if (!replaced) {
                    tuples.add(new NodeTuple(t.getKeyNode(), value));
                    replaced = true;
                }
            } else {
                tuples.add(t);
            }
        }
        if (!replaced) {
            tuples.add(new NodeTuple(new ScalarNode(Tag.STR, true, key, ScalarStyle.PLAIN, value.getStartMark(), Optional.empty()), value));
        }
        map.setValue(tuples);
    }
}
