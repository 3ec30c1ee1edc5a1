package dev.kdumpsim.scenarios.devices;

import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.error.Suggest;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Applies {@code preset:} on the node tree, after {@code --set} and before binding, so the bound
 * scenario holds the effective values (and report.json's parameters show them):
 * <ul>
 * <li>each key of the device's {@code endpoint:} that the endpoint leaves out is added to it;
 *     a mapping both give ({@code aer}, {@code completionTimeoutControl}) is merged key by key,
 *     the endpoint's own keys winning;</li>
 * <li>each driver in {@code kernels.first} and {@code kernels.kdump} bound to one of the
 *     endpoint's functions, without a {@code name} and with a profile other than {@code none},
 *     gets the device's {@code driver} as its name.</li>
 * </ul>
 * Added nodes carry the position of the {@code preset:} value, so a problem with a value the
 * device gave is reported there. Shapes the binder will refuse anyway are left alone.
 */
public final class PresetMerge {

    private PresetMerge() {
    }

    /** Applies every endpoint's preset of {@code root} from the bundled catalogue. */
    public static void apply(Node root) throws ScenarioException {
        if (path(root, "platform", "pcie", "topology", "endpoints") instanceof SequenceNode endpoints
                && endpoints.getValue().stream().anyMatch(e -> e instanceof MappingNode m && find(m, "preset") != null)) {
            apply(root, DeviceCatalogue.bundled());
        }
    }

    /** Applies every endpoint's preset of {@code root} from {@code catalogue}. */
    public static void apply(Node root, DeviceCatalogue catalogue) throws ScenarioException {
        if (!(path(root, "platform", "pcie", "topology", "endpoints") instanceof SequenceNode endpoints)) {
            return;
        }
        Map<Bdf, String> driverOf = new LinkedHashMap<>();
        for (Node e : endpoints.getValue()) {
            if (!(e instanceof MappingNode endpoint) || !(find(endpoint, "preset") instanceof ScalarNode name) || Yaml.isNull(name)) {
                continue;
            }
            DevicePreset preset = catalogue.preset(name.getValue().strip());
            if (preset == null) {
                throw Yaml.error(name, "unknown device preset '" + name.getValue().strip() + "'", Suggest.hint(name.getValue().strip(), catalogue.names())
                        + " The catalogue: scenarios/devices/, docs/devices.md");
            }
            merge(endpoint, preset.endpoint(), name.getStartMark());
            if (preset.sheet().driver().isPresent()) {
                functions(endpoint).forEach(b -> driverOf.put(b, preset.sheet().driver().get()));
            }
        }
        for (String kernel : List.of("first", "kdump")) {
            if (path(root, "kernels", kernel, "drivers") instanceof SequenceNode drivers) {
                for (Node d : drivers.getValue()) {
                    if (d instanceof MappingNode driver) {
                        name(driver, driverOf);
                    }
                }
            }
        }
    }

    private static void name(MappingNode driver, Map<Bdf, String> driverOf) {
        if (find(driver, "name") != null || !(find(driver, "device") instanceof ScalarNode device)) {
            return;
        }
        if (find(driver, "profile") instanceof ScalarNode p && p.getValue().strip().equals("none")) {
            return; // no driver is bound: nothing carries a name
        }
        String name = driverOf.get(bdf(device.getValue()));
        if (name != null) {
            List<NodeTuple> tuples = new ArrayList<>(driver.getValue());
            tuples.add(new NodeTuple(scalar("name", device.getStartMark()), scalar(name, device.getStartMark())));
            driver.setValue(tuples);
        }
    }

    /** The functions of an endpoint (bdf .. bdf + functions - 1), as far as its nodes can be read; the binder reports the rest. */
    private static List<Bdf> functions(MappingNode endpoint) {
        List<Bdf> out = new ArrayList<>();
        Bdf first = find(endpoint, "bdf") instanceof ScalarNode b ? bdf(b.getValue()) : null;
        if (first == null) {
            return out;
        }
        int n = 1;
        if (find(endpoint, "functions") instanceof ScalarNode f) {
            try {
                n = Integer.decode(f.getValue().strip());
            } catch (NumberFormatException e) {
                return out;
            }
        }
        for (int i = 0; i < n && first.function() + i < 8; i++) {
            out.add(new Bdf(first.segment(), first.bus(), first.device(), first.function() + i));
        }
        return out;
    }

    private static Bdf bdf(String text) {
        try {
            return Bdf.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Adds to {@code into} each key of {@code from} it lacks; mappings both have are merged the same way. */
    static void merge(MappingNode into, MappingNode from, Optional<Mark> at) {
        List<NodeTuple> tuples = new ArrayList<>(into.getValue());
        for (NodeTuple t : from.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            Node own = find(into, key);
            if (own == null) {
                tuples.add(new NodeTuple(copy(t.getKeyNode(), at), copy(t.getValueNode(), at)));
            } else if (own instanceof MappingNode ownMap && t.getValueNode() instanceof MappingNode presetMap) {
                merge(ownMap, presetMap, at);
            }
        }
        into.setValue(tuples);
    }

    /** A deep copy of {@code n} whose every node is at {@code at}. */
    static Node copy(Node n, Optional<Mark> at) {
        if (n instanceof ScalarNode s) {
            return new ScalarNode(s.getTag(), true, s.getValue(), s.getScalarStyle(), at, at);
        }
        if (n instanceof SequenceNode q) {
            List<Node> items = new ArrayList<>();
            q.getValue().forEach(i -> items.add(copy(i, at)));
            return new SequenceNode(q.getTag(), true, items, q.getFlowStyle(), at, at);
        }
        MappingNode m = (MappingNode) n;
        List<NodeTuple> tuples = new ArrayList<>();
        m.getValue().forEach(t -> tuples.add(new NodeTuple(copy(t.getKeyNode(), at), copy(t.getValueNode(), at))));
        return new MappingNode(m.getTag(), true, tuples, m.getFlowStyle(), at, at);
    }

    private static ScalarNode scalar(String value, Optional<Mark> at) {
        return new ScalarNode(org.snakeyaml.engine.v2.nodes.Tag.STR, true, value, org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN, at, at);
    }

    private static Node path(Node n, String... keys) {
        Node cur = n;
        for (String k : keys) {
            if (!(cur instanceof MappingNode m)) {
                return null;
            }
            cur = find(m, k);
        }
        return cur;
    }

    private static Node find(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }
}
