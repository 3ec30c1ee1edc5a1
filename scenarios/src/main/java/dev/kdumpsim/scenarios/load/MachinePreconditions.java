package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.machine.Machine;
import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.kernel.machine.TimelineEvent;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.KernelClock;
import dev.kdumpsim.scenarios.model.PcieSwitch;
import dev.kdumpsim.scenarios.model.RootPort;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.model.TimelineAction;
import dev.kdumpsim.scenarios.model.Topology;
import dev.kdumpsim.scenarios.run.MachineAssembler;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What assembly ({@code MachineAssembler}) and the sim-kernel {@code Machine} require of a
 * scenario, checked at load so {@code validate} accepts exactly what {@code run} can build, each
 * violation located at the value to change:
 * <ul>
 * <li>Timeline: exactly one panic ({@code MachineConfig}), on kernel #1's clock, after kernel #1's
 *     userspace has run {@code kexec -p} ({@code __crash_kexec} does nothing while
 *     {@code kexec_crash_image} is NULL: Linux kernel/kexec_core.c; the Machine refuses such a
 *     panic), at most one run-until, and none before the panic.</li>
 * <li>PCIe: one segment (one root complex), root ports at bus 0 function 0
 *     ({@code RootComplex.addRootPort}), one device per link at device 0 (a downstream port's link
 *     carries Device 0 only without ARI, PCIe Base 6.0 section 7.3.1; {@code PcieBridge} refuses a
 *     second device; a switch is the one device on its port's link), a completion timeout above zero.</li>
 * <li>SBR targets a bridge (it sets Bridge Control.Secondary Bus Reset, a type 1 register).</li>
 * </ul>
 * Driver and topology checks are in {@link TopologyChecks}, memory in {@link MemoryPreconditions}, StreamIDs in
 * {@link IommuUnitChecks}; {@link #buildable} builds the Machine as the last net.
 */
final class MachinePreconditions {

    /** Device Control 2 Completion Timeout Value ranges end at 64 s (PCIe Base 6.0 section 7.5.3.16). */
    private static final long MAX_COMPLETION_TIMEOUT_NS = 64_000_000_000L;

    private final Locations at;

    MachinePreconditions(Locations at) {
        this.at = at;
    }

    void timeline(Scenario s) throws ScenarioException {
        List<TimelineAction> t = s.timeline();
        long loadedAt = MachineAssembler.bootTimeline(s.kernels().first(), BootTimeline.firstKernelDefault())
                .startNs(BootTimeline.USERSPACE);
        TimelineAction panic = null;
        for (TimelineAction a : t) {
            if (a.action() == TimelineEvent.Kind.PANIC && panic == null) {
                panic = a;
            }
        }
        if (panic == null) {
            throw at.error(s, "timeline", "the timeline has no panic: kernel #1 never crashes, so there is no kdump to simulate",
                    "add - {at: 10s, action: panic}");
        }
        if (panic.clock() == KernelClock.KDUMP) {
            throw at.error(panic, "clock", "the panic is kernel #1's crash: it is on kernel #1's clock", "remove clock: kdump");
        }
        if (panic.at().nanos() < loadedAt) {
            throw at.error(panic, "at", String.format(Locale.ROOT, "the panic at %s comes before kernel #1's userspace loads the"
                    + " crash kernel (kexec -p at %.3f s): with no crash kernel loaded, panic does not kexec", panic.at(), loadedAt / 1e9),
                    String.format(Locale.ROOT, "panic at %.3f s or later", loadedAt / 1e9));
        }
        int runUntils = 0;
        for (int i = 0; i < t.size(); i++) {
            TimelineAction a = t.get(i);
            if (a.action() != TimelineEvent.Kind.RUN_UNTIL) {
                continue;
            }
            if (++runUntils > 1) {
                throw at.error(s, "timeline", i, "a second run-until", "the run ends once: keep one");
            }
            if (a.clock() == KernelClock.FIRST && a.at().nanos() <= panic.at().nanos()) {
                throw at.error(a, "at", "run-until at " + a.at() + " on kernel #1's clock ends the run before the panic at " + panic.at(),
                        "use clock: kdump to end on the kdump kernel's clock, or a later time");
            }
        }
    }

    void topology(Scenario s) throws ScenarioException {
        Topology t = s.platform().pcie().topology();
        segments(t);
        for (RootPort p : t.rootPorts()) {
            if (p.bdf().bus() != 0 || p.bdf().function() != 0) {
                throw at.error(p, "bdf", "root port " + p.bdf() + " must be function 0 of a device on bus 00 (the root complex's bus)",
                        "write e.g. \"00:0" + Integer.toHexString(Math.min(p.bdf().device(), 15)) + ".0\"");
            }
        }
        Map<Bdf, Object> onLink = new HashMap<>();
        switches(t, onLink);
        for (Endpoint e : t.endpoints()) {
            if (e.bdf().bus() == 0) {
                throw at.error(e, "bdf", "endpoint " + e.bdf() + " is on bus 00, the root complex's own bus",
                        "endpoints sit below a root port: use its secondary bus, e.g. \"01:00.0\"");
            }
            if (e.bdf().device() != 0 || e.bdf().function() != 0) {
                throw at.error(e, "bdf", "endpoint " + e.bdf() + " must be device 00 function 0 of its bus: a PCIe link carries"
                        + " device 0 only, and functions are counted from 0", "write \"" + String.format(Locale.ROOT, "%02x", e.bdf().bus())
                        + ":00.0\" and use functions: for more functions");
            }
            Bdf port = e.port().orElse(t.rootPorts().isEmpty() ? null : t.rootPorts().get(0).bdf());
            Object other = onLink.putIfAbsent(port, e);
            if (other != null) {
                throw at.error(e, e.port().isPresent() ? "port" : "bdf", "one device per link: " + port + " already has "
                        + describe(other) + " below it" + (e.port().isPresent() ? "" : " (endpoints without port: go below the first root port)"),
                        "add a root port for " + e.bdf() + " and set its port:");
            }
            long timeout = e.completionTimeout().nanos();
            if (timeout <= 0 || timeout > MAX_COMPLETION_TIMEOUT_NS) {
                throw at.error(e, "completionTimeout", "completion timeout " + e.completionTimeout() + " of " + e.bdf()
                        + " is outside the Device Control 2 ranges (above 0, at most 64 s)", "50ms is the PCIe default range");
            }
        }
    }

    /**
     * A switch is one device on its parent port's link: its upstream port is device 0 function 0
     * there (PCIe r5.0 §7.3.1: a link carries device 0 only), and its downstream ports are
     * function-0 devices of one internal bus, other than the upstream port's bus.
     */
    private void switches(Topology t, Map<Bdf, Object> onLink) throws ScenarioException {
        for (PcieSwitch sw : t.switches()) {
            Bdf up = sw.upstreamPort();
            if (up.device() != 0 || up.function() != 0) {
                throw at.error(sw, "upstreamPort", "switch upstream port " + up + " must be device 00 function 0 of its bus:"
                        + " it is the one device on " + sw.port() + "'s link", "write \"" + String.format(Locale.ROOT, "%02x", up.bus()) + ":00.0\"");
            }
            Object other = onLink.putIfAbsent(sw.port(), sw);
            if (other != null) {
                throw at.error(sw, "port", "one device per link: " + sw.port() + " already has " + describe(other) + " below it",
                        "give the switch a port of its own");
            }
            if (sw.downstreamPorts().isEmpty()) {
                throw at.error(sw, "downstreamPorts", "a switch needs at least one downstream port", "list e.g. [\"03:00.0\", \"03:01.0\"]");
            }
            int internal = sw.downstreamPorts().get(0).bus();
            for (int i = 0; i < sw.downstreamPorts().size(); i++) {
                Bdf d = sw.downstreamPorts().get(i);
                if (d.bus() != internal || d.function() != 0 || d.bus() == up.bus()) {
                    throw at.error(sw, "downstreamPorts", i, "downstream port " + d + " must be function 0 on the switch's internal bus "
                            + String.format(Locale.ROOT, "%02x", internal) + ", which is not the upstream port's bus "
                            + String.format(Locale.ROOT, "%02x", up.bus()), "number them e.g. \"" + String.format(Locale.ROOT, "%02x", internal)
                            + ":00.0\", \"" + String.format(Locale.ROOT, "%02x", internal) + ":01.0\"");
                }
            }
        }
    }

    private static String describe(Object o) {
        return o instanceof Endpoint e ? "endpoint " + e.bdf() : o instanceof PcieSwitch s ? "switch " + s.upstreamPort() : String.valueOf(o);
    }

    /** The machine has one root complex, so one PCI segment: 0000. */
    private void segments(Topology t) throws ScenarioException {
        TreeMap<Integer, Object> byRid = new TreeMap<>();
        for (RootPort p : t.rootPorts()) {
            segment(byRid, p.bdf(), p, "bdf");
        }
        for (Endpoint e : t.endpoints()) {
            segment(byRid, e.bdf(), e, "bdf");
            if (e.port().isPresent()) {
                segment(null, e.port().get(), e, "port");
            }
        }
    }

    private void segment(TreeMap<Integer, Object> byRid, Bdf b, Object record, String field) throws ScenarioException {
        if (byRid != null) {
            Object other = byRid.put(b.requesterId(), b);
            if (other instanceof Bdf o && o.segment() != b.segment()) {
                throw at.error(record, field, "bus/device/function " + b + " is in segments " + String.format(Locale.ROOT, "%04x and %04x",
                        o.segment(), b.segment()) + ": the machine has one root complex, so one PCI segment", "give every BDF segment 0000");
            }
        }
        if (b.segment() != 0) {
            throw at.error(record, field, b.pciName() + " is in PCI segment " + String.format(Locale.ROOT, "%04x", b.segment())
                    + ": the machine has one root complex, so one segment (0000)", "drop the segment prefix or write 0000:");
        }
    }

    /**
     * Secondary Bus Reset is a bridge's Bridge Control bit: the target is a root port or a switch
     * downstream port (a hot reset of the link below it, PCIe r5.0 §6.6.1).
     */
    void sbrTarget(TimelineAction a, String kind) throws ScenarioException {
        if (a.action() == TimelineEvent.Kind.SBR && !"root port".equals(kind) && !"downstream port".equals(kind)) {
            throw at.error(a, "device", "sbr resets the link below a bridge, and " + a.device().get() + " is a " + kind,
                    "name the root port or switch downstream port above the device");
        }
    }

    /**
     * The last net: the Machine is built (not run) from the scenario, so any precondition of
     * assembly or of the Machine's constructor that the checks before do not name yet is still a
     * located error at load rather than an exception at run.
     */
    void buildable(Scenario s) throws ScenarioException {
        try {
            new Machine(MachineAssembler.assemble(s));
        } catch (RuntimeException e) {
            throw at.error(s, null, "the machine model cannot be built from this scenario: " + Yaml.oneLine(String.valueOf(e.getMessage())),
                    "validation should have named the value to change: please report this scenario");
        }
    }
}
