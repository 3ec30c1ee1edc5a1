package dev.kdumpsim.scenarios.devices;

import dev.kdumpsim.scenarios.binding.RecordBinder;
import dev.kdumpsim.scenarios.binding.Types;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.error.Suggest;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.model.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The catalogue of real devices an endpoint names with {@code preset:}: one YAML file per device
 * in {@code scenarios/devices/} (on the classpath as {@value #RESOURCE_DIR}, listed in its
 * {@code index.txt}), each with {@code device}, {@code driver}, {@code sources},
 * {@code modelValues} and {@code endpoint}. Every file is checked when the catalogue is first
 * used: a bad one is a located error in that file.
 */
public final class DeviceCatalogue {

    /** Where the files are on the classpath. */
    public static final String RESOURCE_DIR = "dev/kdumpsim/scenarios/devices/";
    /** Endpoint keys a device cannot give: they place the device, or name the preset itself. */
    static final Set<String> PLACEMENT_KEYS = Set.of("bdf", "port", "preset");

    private static volatile DeviceCatalogue bundled;

    private final Map<String, DevicePreset> presets;

    private DeviceCatalogue(Map<String, DevicePreset> presets) {
        this.presets = Collections.unmodifiableMap(new TreeMap<>(presets));
    }

    /** The catalogue on the classpath, read once. */
    public static DeviceCatalogue bundled() throws ScenarioException {
        DeviceCatalogue c = bundled;
        if (c == null) {
            synchronized (DeviceCatalogue.class) {
                if (bundled == null) {
                    bundled = read();
                }
                c = bundled;
            }
        }
        return c;
    }

    /** A catalogue of the given files (name → YAML text), for tests and the bundled one. */
    public static DeviceCatalogue of(Map<String, String> files) throws ScenarioException {
        Map<String, DevicePreset> m = new TreeMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            m.put(f.getKey(), parse(f.getKey(), "devices/" + f.getKey() + ".yaml", f.getValue()));
        }
        return new DeviceCatalogue(m);
    }

    /** The device named {@code name}, or null. */
    public DevicePreset preset(String name) {
        return presets.get(name);
    }

    /** Every device's name, sorted. */
    public List<String> names() {
        return new ArrayList<>(presets.keySet());
    }

    private static DeviceCatalogue read() throws ScenarioException {
        Map<String, String> files = new TreeMap<>();
        for (String line : resource("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.put(name, resource(name + ".yaml"));
            }
        }
        return of(files);
    }

    private static String resource(String file) {
        try (InputStream in = DeviceCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("the device catalogue has no " + RESOURCE_DIR + file + " (a build problem)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE_DIR + file, e);
        }
    }

    /** One catalogue file: its sheet bound strictly, its endpoint keys checked against the endpoint's types. */
    static DevicePreset parse(String name, String label, String text) throws ScenarioException {
        Node root = Yaml.compose(label, text);
        if (!(root instanceof MappingNode map)) {
            throw Yaml.error(root, "a device file is a mapping", "write device:, driver:, sources:, endpoint:");
        }
        MappingNode endpoint = null;
        List<NodeTuple> rest = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("endpoint")) {
                if (!(t.getValueNode() instanceof MappingNode e)) {
                    throw Yaml.error(t.getValueNode(), "endpoint: expected a mapping of endpoint keys, got " + Yaml.kind(t.getValueNode()), "");
                }
                endpoint = e;
            } else {
                rest.add(t);
            }
        }
        if (endpoint == null) {
            throw Yaml.error(map, "missing required key 'endpoint' in the device file", "add 'endpoint:' with the device's endpoint keys");
        }
        MappingNode sheetNode = new MappingNode(map.getTag(), true, rest, map.getFlowStyle(), map.getStartMark(), map.getEndMark());
        DeviceSheet sheet = (DeviceSheet) new RecordBinder().bind(sheetNode, DeviceSheet.class, "", null);
        check(sheet, sheetNode, endpoint);
        return new DevicePreset(name, sheet, endpoint);
    }

    private static void check(DeviceSheet sheet, MappingNode sheetNode, MappingNode endpoint) throws ScenarioException {
        if (sheet.sources().isEmpty()) {
            throw Yaml.error(at(sheetNode, "sources"), "a device needs at least one source", "cite the datasheet, pci.ids or kernel file its values come from");
        }
        if (sheet.driver().isPresent() && !sheet.driver().get().matches(DriverConfig.NAME_PATTERN)) {
            throw Yaml.error(at(sheetNode, "driver"), "driver name '" + sheet.driver().get() + "' is not 1-32 of A-Z a-z 0-9 _ -",
                    "write pci_driver.name, e.g. igb");
        }
        List<String> keys = new ArrayList<>(Types.keyNames(Endpoint.class));
        keys.removeAll(PLACEMENT_KEYS);
        for (NodeTuple t : endpoint.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (!keys.contains(key)) {
                throw Yaml.error(t.getKeyNode(), PLACEMENT_KEYS.contains(key) ? "a device cannot give '" + key + "': the scenario places the endpoint"
                        : "unknown endpoint key '" + key + "'", Suggest.hint(key, keys));
            }
            RecordComponent rc = Types.component(Endpoint.class, key);
            new RecordBinder().bind(t.getValueNode(), rc.getGenericType(), "endpoint." + key, null);
        }
        for (String v : sheet.modelValues()) {
            String head = v.contains(".") ? v.substring(0, v.indexOf('.')) : v;
            if (find(endpoint, head) == null) {
                throw Yaml.error(at(sheetNode, "modelValues"), "modelValues names '" + v + "', which the endpoint does not give",
                        "list only keys of endpoint:");
            }
        }
    }

    /** The value of {@code key} in {@code m}, or null. */
    private static Node find(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    /** Where to report a problem with {@code key}: its value, else the mapping. */
    private static Node at(MappingNode m, String key) {
        Node n = find(m, key);
        return n == null ? m : n;
    }
}
