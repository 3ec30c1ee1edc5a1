package dev.kdumpsim.scenarios.model;

import java.util.List;

/** The PCIe hierarchy: root ports, optional switches, endpoints. */
@Doc("PCIe hierarchy: root ports, optional switches, endpoints (all BDFs distinct)")
public record Topology(
        @Doc(value = "Root ports of the root complex", dflt = "[{bdf: '00:00.0'}]") List<RootPort> rootPorts,
        @Doc("Switches below root ports") List<PcieSwitch> switches,
        @Doc("Endpoints (devices doing DMA)") List<Endpoint> endpoints) {

    public Topology {
        rootPorts = List.copyOf(rootPorts);
        switches = List.copyOf(switches);
        endpoints = List.copyOf(endpoints);
    }
}
