package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.RootComplex;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the PCIe tree of a configuration as firmware enumerates it: each root port's link gets
 * the bus of what is below it (an endpoint's bus, a switch upstream port's bus), or the next free
 * bus when nothing is; a switch's internal bus is its downstream ports' bus; each downstream port's
 * link likewise. A port's link holds one device (PCIe links are point to point).
 */
final class PcieTreeBuilder {

    private final MachineConfig config;
    private final RootComplex rc;
    private final Set<Integer> usedBuses = new HashSet<>();
    private final Map<Integer, Integer> rootPortOfBus = new LinkedHashMap<>();
    private final Map<Integer, PcieBridge> ports = new LinkedHashMap<>();
    private int nextBus = 1;

    PcieTreeBuilder(MachineConfig config, RootComplex rc) {
        this.config = config;
        this.rc = rc;
        for (EndpointConfig e : config.endpoints()) {
            usedBuses.add(Bdf.bus(e.bdf()));
        }
        for (SwitchConfig s : config.switches()) {
            usedBuses.add(Bdf.bus(s.upstreamPortBdf()));
            for (int d : s.downstreamPortBdfs()) {
                usedBuses.add(Bdf.bus(d));
            }
        }
    }

    /** Builds the tree; returns the root port above every bus (key: bus << 8). */
    Map<Integer, Integer> build() {
        Map<Integer, PcieBridge> rootPorts = new LinkedHashMap<>();
        for (int rp : config.rootPorts()) {
            PcieBridge port = rc.addRootPort(Bdf.device(rp), busBelow(rp));
            rootPorts.put(rp, port);
        }
        for (var e : rootPorts.entrySet()) {
            addSwitchesBelow(e.getValue(), e.getKey());
        }
        // endpoints in the configuration's order: it is the order PCI enumeration finds their functions in
        for (EndpointConfig e : config.endpoints()) {
            PcieBridge port = ports.get(e.portBdf());
            if (port == null) {
                throw new IllegalArgumentException("endpoint " + Bdf.format(e.bdf()) + " is below "
                        + Bdf.format(e.portBdf()) + ", which is neither a root port nor a switch downstream port");
            }
            port.attachEndpoint(e.params());
        }
        return rootPortOfBus;
    }

    /** The bus of the device below {@code portBdf}, or a fresh one. */
    private int busBelow(int portBdf) {
        for (EndpointConfig e : config.endpoints()) {
            if (e.portBdf() == portBdf) {
                return Bdf.bus(e.bdf());
            }
        }
        for (SwitchConfig s : config.switches()) {
            if (s.parentPortBdf() == portBdf) {
                return Bdf.bus(s.upstreamPortBdf());
            }
        }
        while (usedBuses.contains(nextBus)) {
            nextBus++;
        }
        usedBuses.add(nextBus);
        return nextBus++;
    }

    /** Builds the switches below {@code port} on its link, recursively. */
    private void addSwitchesBelow(PcieBridge port, int rootPort) {
        ports.put(port.bdf(), port);
        rootPortOfBus.put(port.secondaryBus() << 8, rootPort);
        int portBdf = port.bdf();
        for (SwitchConfig s : config.switches()) {
            if (s.parentPortBdf() != portBdf) {
                continue;
            }
            if (s.upstreamPortBdf() != Bdf.of(port.secondaryBus(), 0, 0) || s.downstreamPortBdfs().isEmpty()) {
                throw new IllegalArgumentException("switch upstream port " + Bdf.format(s.upstreamPortBdf())
                        + " must be device 0 on the link of " + Bdf.format(portBdf) + " (bus "
                        + String.format(java.util.Locale.ROOT, "%02x", port.secondaryBus()) + ") and have downstream ports");
            }
            int internal = Bdf.bus(s.downstreamPortBdfs().get(0));
            PcieBridge up = port.addSwitchUpstreamPort(internal);
            rootPortOfBus.put(internal << 8, rootPort);
            for (int d : s.downstreamPortBdfs()) {
                if (Bdf.bus(d) != internal || Bdf.function(d) != 0) {
                    throw new IllegalArgumentException("downstream port " + Bdf.format(d) + " must be function 0 on the"
                            + " switch's internal bus " + String.format(java.util.Locale.ROOT, "%02x", internal));
                }
                PcieBridge down = up.addDownstreamPort(Bdf.device(d), busBelow(d));
                addSwitchesBelow(down, rootPort);
            }
        }
    }
}
