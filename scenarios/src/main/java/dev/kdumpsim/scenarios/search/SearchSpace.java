package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.kernel.machine.TimelineEvent;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.model.FitParameter;
import dev.kdumpsim.scenarios.model.KernelClock;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.model.TimelineAction;
import dev.kdumpsim.scenarios.run.MachineAssembler;
import dev.kdumpsim.scenarios.value.ByteSize;
import dev.kdumpsim.scenarios.value.SimDuration;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The parameters a search varies: the scenario's {@code fit.parameters}, or, when it has none, the
 * default space (docs/fit.md):
 * <ul>
 * <li>the seed (it places the crash within its millisecond and sets each device's traffic phase);</li>
 * <li>the crash instant: the first panic on kernel #1's clock, from its time to 10 ms later;</li>
 * <li>for fit only: each kernel #1 driver's {@code dmaRatePerSec}, from half to twice the file's;</li>
 * <li>the kdump kernel's boot phases early-init, smmu-probe, pci-enumeration and drivers, from
 *     half to one and a half times their duration in the file (or sim-kernel's built-in timeline).</li>
 * </ul>
 * Every bound and choice is loaded once up front, so a value that does not fit its path is one
 * located error before anything runs (as sweep values are).
 */
public final class SearchSpace {

    /** Which command the space is for. */
    public enum Mode { FIT, EXPLORE }

    /** How far past the file's panic time the default crash range reaches. */
    static final long CRASH_SPAN_NS = 10_000_000L;

    private final List<Dimension> dimensions;

    SearchSpace(List<Dimension> dimensions) {
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("an empty search space");
        }
        this.dimensions = List.copyOf(dimensions);
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** The space of {@code base} (loaded from {@code text} with {@code sets}), each bound checked by loading it. */
    public static SearchSpace of(String file, String text, List<String> sets, Scenario base, Mode mode, long maxEvents) throws ScenarioException {
        List<FitParameter> declared = base.fit().map(f -> f.parameters()).orElse(List.of());
        if (declared.isEmpty()) {
            SearchSpace s = new SearchSpace(defaults(base, mode));
            check(file, text, sets, s, -1, maxEvents);
            return s;
        }
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            FitParameter p = declared.get(i);
            try {
                dims.add(parse(p));
            } catch (IllegalArgumentException e) {
                throw located(file, text, i, "fit.parameters[" + i + "] " + p.path() + ": " + e.getMessage(),
                        "write values: [a, b] or range: lo..hi of integers, sizes (4KiB..1MiB) or durations (1ms..5ms)");
            }
            for (int j = 0; j < i; j++) {
                if (dims.get(j).path().equals(dims.get(i).path())) {
                    throw located(file, text, i, "fit.parameters[" + i + "]: " + p.path() + " is searched twice", "give each path once");
                }
            }
        }
        SearchSpace s = new SearchSpace(dims);
        for (int i = 0; i < dims.size(); i++) {
            check(file, text, sets, new SearchSpace(List.of(dims.get(i))), i, maxEvents);
        }
        return s;
    }

    private static Dimension parse(FitParameter p) {
        String path = p.path().strip();
        if (p.range().isPresent() == !p.values().isEmpty()) {
            throw new IllegalArgumentException("give either values or a range");
        }
        if (!p.values().isEmpty()) {
            return Dimension.choice(path, p.values().stream().map(String::strip).toList());
        }
        String r = p.range().get();
        int dots = r.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("range '" + r + "' is not lo..hi");
        }
        String lo = r.substring(0, dots).strip();
        String hi = r.substring(dots + 2).strip();
        try {
            return Dimension.numeric(path, Dimension.Kind.INTEGER, Long.parseLong(lo.replace("_", "")), Long.parseLong(hi.replace("_", "")));
        } catch (NumberFormatException e) {
            // not integers: a duration or a size
        }
        try {
            return Dimension.numeric(path, Dimension.Kind.DURATION, SimDuration.parse(lo).nanos(), SimDuration.parse(hi).nanos());
        } catch (IllegalArgumentException e) {
            // not durations
        }
        try {
            return Dimension.numeric(path, Dimension.Kind.SIZE, ByteSize.parse(lo).bytes(), ByteSize.parse(hi).bytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("range '" + r + "' is not of integers, durations or sizes");
        }
    }

    static List<Dimension> defaults(Scenario s, Mode mode) {
        List<Dimension> d = new ArrayList<>();
        d.add(Dimension.seed());
        List<TimelineAction> timeline = s.timeline();
        for (int i = 0; i < timeline.size(); i++) {
            TimelineAction a = timeline.get(i);
            if (a.action() == TimelineEvent.Kind.PANIC && a.clock() == KernelClock.FIRST) {
                long at = a.at().nanos();
                d.add(Dimension.numeric("timeline[" + i + "].at", Dimension.Kind.DURATION, at, at + CRASH_SPAN_NS));
                break;
            }
        }
        if (mode == Mode.FIT) {
            List<DriverConfig> drivers = s.kernels().first().drivers();
            for (int i = 0; i < drivers.size(); i++) {
                long rate = drivers.get(i).dmaRatePerSec();
                if (rate > 1 && drivers.get(i).profile() != dev.kdumpsim.kernel.driver.DriverProfile.NONE) {
                    d.add(Dimension.numeric("kernels.first.drivers[" + i + "].dmaRatePerSec", Dimension.Kind.INTEGER, rate / 2, rate * 2));
                }
            }
        }
        BootTimeline t = MachineAssembler.bootTimeline(s.kernels().kdump(), BootTimeline.kdumpKernelOfReport());
        String[][] phases = {{BootTimeline.EARLY_INIT, "earlyInit"}, {BootTimeline.SMMU_PROBE, "smmuProbe"},
            {BootTimeline.PCI_ENUMERATION, "pciEnumeration"}, {BootTimeline.DRIVERS, "drivers"}};
        for (String[] p : phases) {
            long ns = t.endNs(p[0]) - t.startNs(p[0]);
            if (ns > 0) {
                long half = ns / 2 / 1000 * 1000; // whole microseconds, so the middle of the range is the file's value exactly
                d.add(Dimension.numeric("kernels.kdump.boot." + p[1], Dimension.Kind.DURATION, ns - half, ns + half));
            }
        }
        return d;
    }

    /** Loads the scenario with each bound (and choice) of {@code space}; a failure is located at fit.parameters[index] when declared. */
    private static void check(String file, String text, List<String> sets, SearchSpace space, int index, long maxEvents) throws ScenarioException {
        for (Dimension dim : space.dimensions) {
            List<String> values = new ArrayList<>();
            if (dim.kind() == Dimension.Kind.CHOICE) {
                values.addAll(dim.choices());
            } else if (dim.kind() == Dimension.Kind.SEED) {
                values.add("1");
            } else {
                values.add(dim.value(0));
                values.add(dim.value(1));
            }
            for (String v : values) {
                List<String> o = new ArrayList<>(sets);
                o.add(dim.path() + "=" + v);
                try {
                    ScenarioLoader.parse(file, text, o, maxEvents);
                } catch (ScenarioException e) {
                    if (ScenarioException.BUDGET_HINT.equals(e.hint())) {
                        continue; // over the run budget at this bound: such candidates score as failed runs, the others run
                    }
                    String problem = "search value '" + v + "' of " + dim.path() + ": " + e.problem();
                    if (index < 0) {
                        throw new ScenarioException(file, 0, 0, problem + " (default search space)", "declare the space in a fit: section");
                    }
                    throw located(file, text, index, problem, e.hint());
                }
            }
        }
    }

    private static ScenarioException located(String file, String text, int index, String problem, String hint) throws ScenarioException {
        Node n = child(child(ScenarioLoader.tree(file, text, List.of()), "fit"), "parameters");
        if (n instanceof SequenceNode s && index < s.getValue().size()) {
            return Yaml.error(s.getValue().get(index), problem, hint);
        }
        return new ScenarioException(file, 0, 0, problem, hint);
    }

    private static Node child(Node n, String key) {
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }
}
