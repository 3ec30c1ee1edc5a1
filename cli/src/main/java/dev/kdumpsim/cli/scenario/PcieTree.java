package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.PcieSwitch;
import dev.kdumpsim.scenarios.model.RootPort;
import dev.kdumpsim.scenarios.model.Topology;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The PCIe hierarchy of a scenario as a tree, for {@code explain}: each root port, below it the
 * switches (upstream port, then its downstream ports) and endpoints whose {@code port} names it,
 * recursively, each endpoint function with its StreamID (from the machine's root complex). An
 * endpoint without {@code port} sits below the first root port (the format's default). Anything
 * whose port is in no tree (the loader rejects that; kept so nothing is ever silently omitted) is
 * listed last.
 */
final class PcieTree {

    private final Topology topology;
    private final Function<Bdf, String> streamId;
    private final List<String> lines = new ArrayList<>();
    private final Set<Object> drawn = new HashSet<>();

    private PcieTree(Topology topology, Function<Bdf, String> streamId) {
        this.topology = topology;
        this.streamId = streamId;
    }

    /** The tree's lines, indented two spaces per level starting at {@code indent}. */
    static List<String> lines(Topology topology, Function<Bdf, String> streamId, String indent) {
        PcieTree t = new PcieTree(topology, streamId);
        for (RootPort rp : topology.rootPorts()) {
            t.lines.add(indent + "root port " + rp.bdf().pciName());
            t.below(rp.bdf(), indent + "  ");
        }
        for (PcieSwitch s : topology.switches()) {
            if (!t.drawn.contains(s)) {
                t.lines.add(indent + "not attached (port " + s.port().pciName() + " is in no tree):");
                t.pcieSwitch(s, indent + "  ");
            }
        }
        for (Endpoint e : topology.endpoints()) {
            if (!t.drawn.contains(e)) {
                t.lines.add(indent + "not attached (port " + t.portOf(e).pciName() + " is in no tree):");
                t.endpoint(e, indent + "  ");
            }
        }
        return t.lines;
    }

    private void below(Bdf port, String indent) {
        for (PcieSwitch s : topology.switches()) {
            if (s.port().equals(port) && drawn.add(s)) {
                pcieSwitch(s, indent);
            }
        }
        for (Endpoint e : topology.endpoints()) {
            if (portOf(e).equals(port) && drawn.add(e)) {
                endpoint(e, indent);
            }
        }
    }

    private void pcieSwitch(PcieSwitch s, String indent) {
        drawn.add(s);
        lines.add(indent + "switch, upstream port " + s.upstreamPort().pciName());
        for (Bdf dp : s.downstreamPorts()) {
            lines.add(indent + "  downstream port " + dp.pciName());
            below(dp, indent + "    ");
        }
    }

    private void endpoint(Endpoint e, String indent) {
        drawn.add(e);
        for (int fn = 0; fn < e.functions(); fn++) {
            Bdf f = new Bdf(e.bdf().segment(), e.bdf().bus(), e.bdf().device(), e.bdf().function() + fn);
            lines.add(indent + "endpoint " + f.pciName() + ": StreamID " + streamId.apply(f) + ", error profile " + e.errorProfile().specName()
                    + ", FLR " + (e.flrCapable() ? "yes" : "no") + identity(e));
        }
    }

    /** ", 8086:10c9 class 0x020000 (preset intel-82576)" for what the file gives; nothing for the model's defaults. */
    private static String identity(Endpoint e) {
        StringBuilder b = new StringBuilder();
        if (e.vendorId().isPresent() || e.deviceId().isPresent()) {
            b.append(", ").append(e.vendorId().map(v -> String.format(java.util.Locale.ROOT, "%04x", v.value())).orElse("default"))
                    .append(':').append(e.deviceId().map(v -> String.format(java.util.Locale.ROOT, "%04x", v.value())).orElse("default"));
        }
        e.classCode().ifPresent(c -> b.append(", class ").append(c));
        e.preset().ifPresent(p -> b.append(" (preset ").append(p).append(')'));
        return b.toString();
    }

    private Bdf portOf(Endpoint e) {
        return e.port().orElse(topology.rootPorts().get(0).bdf());
    }
}
