package dev.kdumpsim.scenarios.devices;

import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * One device of the catalogue: its name (the file name), its sheet, and the endpoint keys it
 * gives as YAML nodes, merged into an endpoint that names it before the scenario is bound.
 */
public record DevicePreset(String name, DeviceSheet sheet, MappingNode endpoint) {
}
