package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.Kernel;
import dev.kdumpsim.scenarios.model.PcieSwitch;
import dev.kdumpsim.scenarios.model.RootPort;
import dev.kdumpsim.scenarios.model.Topology;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The PCIe topology names each function once and hangs every switch and endpoint on a port that
 * exists; each kernel's drivers bind endpoint functions of it, one driver per function, with
 * rings, buffers, footprint and rate the driver model can run. What the Machine additionally needs
 * of the links and segments is in {@link MachinePreconditions}.
 */
final class TopologyChecks {

    /** Kinds of the functions in the map {@link #functions} returns. */
    static final String ENDPOINT = "endpoint";

    private final Locations at;

    TopologyChecks(Locations at) {
        this.at = at;
    }

    /** Every BDF in the topology, with its kind; duplicates and dangling ports are errors. */
    TreeMap<Bdf, String> functions(Topology t) throws ScenarioException {
        TreeMap<Bdf, String> all = new TreeMap<>();
        for (RootPort p : t.rootPorts()) {
            add(all, p.bdf(), "root port", p, "bdf");
        }
        for (PcieSwitch sw : t.switches()) {
            add(all, sw.upstreamPort(), "switch upstream port", sw, "upstreamPort");
            for (int i = 0; i < sw.downstreamPorts().size(); i++) {
                Bdf d = sw.downstreamPorts().get(i);
                if (all.containsKey(d)) {
                    throw at.error(sw, "downstreamPorts", i, "duplicate BDF " + d + " (already a " + all.get(d) + ")", "every function needs its own BDF");
                }
                all.put(d, "downstream port");
            }
        }
        for (Endpoint e : t.endpoints()) {
            if (e.functions() < 1 || e.functions() > 8) {
                throw at.error(e, "functions", "an endpoint has 1 to 8 functions, not " + e.functions(), "");
            }
            if (e.bdf().function() + e.functions() > 8) {
                throw at.error(e, "functions", e.functions() + " functions from " + e.bdf() + " go past function 7", "start multi-function devices at function 0");
            }
            if (e.wedgeAfterErrors() < 0) {
                throw at.error(e, "wedgeAfterErrors", "must not be negative", "0 means never wedged");
            }
            for (int f = 0; f < e.functions(); f++) {
                Bdf b = new Bdf(e.bdf().segment(), e.bdf().bus(), e.bdf().device(), e.bdf().function() + f);
                add(all, b, ENDPOINT, e, "bdf");
            }
        }
        for (PcieSwitch sw : t.switches()) {
            checkPort(all, sw.port(), sw, "port");
        }
        for (Endpoint e : t.endpoints()) {
            if (e.port().isPresent()) {
                checkPort(all, e.port().get(), e, "port");
            } else if (t.rootPorts().isEmpty()) {
                throw at.error(e, "bdf", "endpoint " + e.bdf() + " has no port and there is no root port", "add a root port or give 'port'");
            }
        }
        return all;
    }

    /** Kernel {@code k}'s drivers against the topology's functions {@code devices}. */
    void drivers(Kernel k, TreeMap<Bdf, String> devices) throws ScenarioException {
        List<DriverConfig> drivers = k.drivers();
        TreeSet<Bdf> seen = new TreeSet<>();
        for (int i = 0; i < drivers.size(); i++) {
            DriverConfig d = drivers.get(i);
            if (!ENDPOINT.equals(devices.get(d.device()))) {
                throw at.error(d, "device", "no endpoint function " + d.device() + " in the topology", known(devices));
            }
            if (!seen.add(d.device())) {
                throw at.error(d, "device", "a second driver for " + d.device() + " in this kernel", "one driver per function");
            }
            if (d.rings() < 1 || d.ringEntries() < 1) {
                throw at.error(d, d.rings() < 1 ? "rings" : "ringEntries", (d.rings() < 1 ? "rings" : "ringEntries") + " of the driver for "
                        + d.device() + " must be at least 1", "a driver has at least one ring of at least one entry");
            }
            if (d.bufferSize().bytes() < 1 || d.bufferSize().bytes() > 4096) {
                throw at.error(d, "bufferSize", "bufferSize of the driver for " + d.device() + " is " + d.bufferSize()
                        + "; the model's receive buffers are 1 byte to 4KiB", "2KiB is a typical NIC receive buffer");
            }
            if (d.iovaFootprint().bytes() < 1) {
                throw at.error(d, "iovaFootprint", "iovaFootprint of the driver for " + d.device() + " is zero", "give the IOVA space it maps, e.g. 2MiB");
            }
            if (d.dmaRatePerSec() < 1) {
                throw at.error(d, "dmaRatePerSec", "dmaRatePerSec of the driver for " + d.device() + " must be at least 1",
                        "a device with no traffic needs no driver: remove it or use profile: none with any positive rate");
            }
        }
    }

    /** The hint of an error naming a function the topology lacks: the functions it has. */
    static String known(TreeMap<Bdf, String> devices) {
        List<String> names = new ArrayList<>();
        devices.forEach((b, k) -> names.add(b + " (" + k + ")"));
        return names.isEmpty() ? "the topology has no devices" : "the topology has " + String.join(", ", names);
    }

    private void add(TreeMap<Bdf, String> all, Bdf b, String kind, Object record, String field) throws ScenarioException {
        if (all.containsKey(b)) {
            throw at.error(record, field, "duplicate BDF " + b + " (already a " + all.get(b) + ")", "every function needs its own BDF");
        }
        all.put(b, kind);
    }

    private void checkPort(TreeMap<Bdf, String> all, Bdf port, Object record, String field) throws ScenarioException {
        String kind = all.get(port);
        if (!"root port".equals(kind) && !"downstream port".equals(kind)) {
            throw at.error(record, field, port + (kind == null ? " is not in the topology" : " is a " + kind + ", not a root or downstream port"),
                    "name a root port or a switch downstream port");
        }
    }
}
