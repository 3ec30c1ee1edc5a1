package dev.kdumpsim.scenarios.importer;

import dev.kdumpsim.scenarios.devices.DeviceCatalogue;
import dev.kdumpsim.scenarios.devices.DevicePreset;
import dev.kdumpsim.scenarios.error.ScenarioException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** The catalogue's device (scenarios/devices/, index.txt) with a vendor:device pair, for {@code preset:}. */
final class PresetMatch {

    private final Map<String, DevicePreset> byIds = new TreeMap<>();

    PresetMatch(DeviceCatalogue catalogue) {
        for (String name : catalogue.names()) {
            DevicePreset p = catalogue.preset(name);
            String v = scalar(p.endpoint(), "vendorId");
            String d = scalar(p.endpoint(), "deviceId");
            if (v != null && d != null) {
                byIds.putIfAbsent(key(Integer.decode(v), Integer.decode(d)), p); // index order: the first listed wins
            }
        }
    }

    static PresetMatch bundled() throws ScenarioException {
        return new PresetMatch(DeviceCatalogue.bundled());
    }

    Optional<DevicePreset> of(Integer vendorId, Integer deviceId) {
        return vendorId == null || deviceId == null ? Optional.empty() : Optional.ofNullable(byIds.get(key(vendorId, deviceId)));
    }

    private static String key(int v, int d) {
        return String.format(Locale.ROOT, "%04x:%04x", v, d);
    }

    private static String scalar(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && t.getValueNode() instanceof ScalarNode v) {
                return v.getValue().strip();
            }
        }
        return null;
    }
}
