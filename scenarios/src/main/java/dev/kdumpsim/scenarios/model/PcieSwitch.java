package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.Bdf;
import java.util.List;

/** A PCIe switch: one upstream port and its downstream ports. */
@Doc("A PCIe switch below a root port or another switch's downstream port")
public record PcieSwitch(
        @Doc(value = "BDF of the switch's upstream port", required = true) Bdf upstreamPort,
        @Doc(value = "Root port or downstream port the switch hangs below", required = true) Bdf port,
        @Doc(value = "BDFs of the switch's downstream ports", required = true) List<Bdf> downstreamPorts) {

    public PcieSwitch {
        downstreamPorts = List.copyOf(downstreamPorts);
    }
}
