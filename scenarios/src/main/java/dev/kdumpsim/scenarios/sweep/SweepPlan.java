package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ComposedScenario;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.load.SweepValidator;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.model.Sweep;
import dev.kdumpsim.scenarios.model.SweepParameter;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.value.ValueRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A sweep expanded into its variants. The parameters are the scenario's {@code sweep.parameters}
 * (ranges expanded) with each {@code --param} replacing the parameter of the same path or being
 * appended; the variants are the cartesian product of their values, first parameter slowest,
 * minus the points an {@code exclude} filter matches, each with seeds {@code seed .. seed+K-1}
 * (seed fastest). Variant {@code i} is point {@code i / K} with seed {@code seed + i % K}.
 *
 * <p>Each variant is the scenario loaded again with {@code --set} overrides
 * ({@link #materialize}), so it is bound and validated exactly like a user's file; the file is
 * composed once ({@link ComposedScenario}) and each variant binds its own copy of the tree. Every value is checked once up front, so a bad value is one
 * located error before anything runs rather than a failure per variant.
 */
public final class SweepPlan {

    /** More variants than this is a typo in a range, not a sweep. */
    public static final int MAX_VARIANTS = 10_000_000;

    private final String file;
    private final ComposedScenario composed;
    private final List<String> sets;
    private final List<SweepAxis> axes;
    private final List<String> paths;
    private final int seeds;
    private final long firstSeed;
    private final int[] points; // accepted points, as mixed-radix numbers (first parameter most significant)
    private final SweepManifest manifest;
    private final long maxEvents;

    private SweepPlan(String file, ComposedScenario composed, List<String> sets, Scenario base, List<SweepAxis> axes, int seeds,
            int[] points, long maxEvents) {
        this.maxEvents = maxEvents;
        this.file = file;
        this.composed = composed;
        this.sets = List.copyOf(sets);
        this.axes = List.copyOf(axes);
        this.seeds = seeds;
        this.firstSeed = base.seed();
        this.points = points;
        this.paths = axes.stream().map(SweepAxis::path).toList();
        this.manifest = manifest(base);
    }

    /**
     * Loads {@code text} (named {@code file} in messages) with the user's {@code --set} overrides
     * and expands its sweep with the {@code --param} arguments and an optional {@code --seeds}.
     */
    public static SweepPlan create(String file, String text, List<String> sets, List<String> params, Integer seedsOverride)
            throws ScenarioException {
        return create(file, text, sets, params, seedsOverride, RunBudget.DEFAULT_MAX_EVENTS);
    }

    /**
     * As {@link #create(String, String, List, List, Integer)}, each variant's run budgeted at
     * {@code maxEvents} simulation events (the CLI's {@code --max-events}): a variant whose
     * estimate is over it is a crashed row. The scenario without sweep values may be over it
     * (the swept values may bring it down).
     */
    public static SweepPlan create(String file, String text, List<String> sets, List<String> params, Integer seedsOverride,
            long maxEvents) throws ScenarioException {
        Scenario base;
        try {
            base = ScenarioLoader.parse(file, text, sets, maxEvents);
        } catch (ScenarioException e) {
            if (!ScenarioException.BUDGET_HINT.equals(e.hint())) {
                throw e;
            }
            base = ScenarioLoader.parse(file, text, sets, Long.MAX_VALUE);
        }
        Sweep sweep = base.sweep().orElse(null);
        List<SweepAxis> axes = new ArrayList<>();
        List<Integer> origin = new ArrayList<>(); // index in sweep.parameters, or -1 for --param
        if (sweep != null) {
            for (int i = 0; i < sweep.parameters().size(); i++) {
                SweepParameter p = sweep.parameters().get(i);
                List<String> values = p.range().isPresent() ? ValueRange.expand(p.range().get()) : p.values().stream().map(String::strip).toList();
                axes.add(new SweepAxis(p.path().strip(), values));
                origin.add(i);
            }
        }
        for (String param : params) {
            SweepAxis a = ParameterArgument.parse(param);
            int at = indexOf(axes, a.path());
            if (at >= 0) {
                axes.set(at, a);
                origin.set(at, -1);
            } else {
                axes.add(a);
                origin.add(-1);
            }
        }
        int seeds = seedsOverride != null ? seedsOverride : sweep == null ? 1 : sweep.seeds();
        if (seeds < 1 || seeds > SweepValidator.MAX_SEEDS) {
            throw new ScenarioException("--seeds", 0, 0, "seeds per point must be 1 to " + SweepValidator.MAX_SEEDS + ", not " + seeds, "");
        }
        count(file, text, axes, seeds); // before any value is loaded or any point expanded
        ComposedScenario composed = ComposedScenario.of(file, text);
        checkValues(file, text, composed, sets, axes, origin, maxEvents);
        int[] points = points(axes, sweep == null ? List.of() : sweep.exclude(), seeds, file);
        return new SweepPlan(file, composed, sets, base, axes, seeds, points, maxEvents);
    }

    /** A parameter that sets a kernel's IOMMU driver policy: {@code iommuDriver}, or its alias {@code smmuDriver}. */
    static boolean isDriverPolicyPath(String path) {
        return path.endsWith("iommuDriver") || path.endsWith("smmuDriver");
    }

    private static int indexOf(List<SweepAxis> axes, String path) {
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }

    /** Loads the scenario once per parameter value, so a value that does not fit its path is one located error. */
    private static void checkValues(String file, String text, ComposedScenario composed, List<String> sets, List<SweepAxis> axes,
            List<Integer> origin, long maxEvents) throws ScenarioException {
        for (int a = 0; a < axes.size(); a++) {
            SweepAxis axis = axes.get(a);
            for (int v = 0; v < axis.values().size(); v++) {
                List<String> overrides = new ArrayList<>(sets);
                overrides.add(axis.path() + "=" + axis.values().get(v));
                try {
                    ScenarioLoader.parse(composed, overrides, maxEvents);
                } catch (ScenarioException e) {
                    if (ScenarioException.BUDGET_HINT.equals(e.hint())) {
                        continue; // over the run budget with this value: its variants become crashed rows, the others run
                    }
                    if (origin.get(a) < 0) {
                        throw new ScenarioException("--param " + axis.path(), 0, 0, "value '" + axis.values().get(v) + "': " + e.problem(), e.hint());
                    }
                    Node at = valueNode(file, text, origin.get(a), v);
                    String problem = "sweep value '" + axis.values().get(v) + "' of " + axis.path() + ": " + e.problem();
                    throw at == null ? new ScenarioException(file, 0, 0, problem, e.hint()) : Yaml.error(at, problem, e.hint());
                }
            }
        }
    }

    /** The node of {@code sweep.parameters[param].values[value]} (or its {@code range}) in the file, if written there. */
    private static Node valueNode(String file, String text, int param, int value) throws ScenarioException {
        Node n = child(child(Yaml.compose(file, text), "sweep"), "parameters");
        if (!(n instanceof SequenceNode s) || param >= s.getValue().size()) {
            return null;
        }
        Node p = s.getValue().get(param);
        Node values = child(p, "values");
        if (values instanceof SequenceNode vs && value < vs.getValue().size()) {
            return vs.getValue().get(value);
        }
        Node range = child(p, "range");
        return range != null ? range : p;
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

    /**
     * Refuses a plan of more than {@link #MAX_VARIANTS} variants from the value counts alone (a
     * product of 10^8 is refused in microseconds), located at {@code sweep.parameters} when written there.
     */
    private static void count(String file, String text, List<SweepAxis> axes, int seeds) throws ScenarioException {
        double total = seeds;
        for (SweepAxis a : axes) {
            total *= a.values().size();
        }
        if (total > MAX_VARIANTS) {
            String problem = String.format(java.util.Locale.ROOT, "the sweep has %.0f variants (%s x %d seed(s)), more than %d",
                    total, String.join(" x ", axes.stream().map(a -> String.valueOf(a.values().size())).toList()), seeds, MAX_VARIANTS);
            String hint = "use fewer values or seeds, or exclude points";
            Node at = child(child(Yaml.compose(file, text), "sweep"), "parameters");
            throw at == null ? new ScenarioException(file, 0, 0, problem, hint) : Yaml.error(at, problem, hint);
        }
    }

    private static int[] points(List<SweepAxis> axes, List<Map<String, String>> exclude, int seeds, String file) throws ScenarioException {
        long total = 1;
        for (SweepAxis a : axes) {
            total *= a.values().size();
        }
        int[] accepted = new int[(int) total];
        int count = 0;
        int[] digits = new int[axes.size()];
        for (int p = 0; p < total; p++) {
            decode(axes, p, digits);
            if (!excluded(axes, digits, exclude)) {
                accepted[count++] = p;
            }
        }
        return java.util.Arrays.copyOf(accepted, count);
    }

    private static void decode(List<SweepAxis> axes, int point, int[] digits) {
        int rest = point;
        for (int a = axes.size() - 1; a >= 0; a--) {
            int n = axes.get(a).values().size();
            digits[a] = rest % n;
            rest /= n;
        }
    }

    private static boolean excluded(List<SweepAxis> axes, int[] digits, List<Map<String, String>> exclude) {
        for (Map<String, String> filter : exclude) {
            boolean all = true;
            for (Map.Entry<String, String> e : filter.entrySet()) {
                int a = indexOf(axes, e.getKey().strip());
                if (a < 0 || !axes.get(a).values().get(digits[a]).equals(e.getValue().strip())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private SweepManifest manifest(Scenario base) {
        Sweep sweep = base.sweep().orElse(null);
        String hx = null;
        String hy = null;
        if (sweep != null && sweep.heatmap().isPresent()) {
            hx = sweep.heatmap().get().x().strip();
            hy = sweep.heatmap().get().y().strip();
        } else if (paths.size() >= 2) {
            hx = paths.get(0);
            hy = paths.get(1);
        }
        String policy = null;
        String policyX = null;
        if (sweep != null && sweep.policyCharts().isPresent()) {
            policy = sweep.policyCharts().get().policy().strip();
            policyX = sweep.policyCharts().get().x().map(String::strip).orElse(null);
        } else {
            policy = paths.stream().filter(SweepPlan::isDriverPolicyPath).findFirst().orElse(null);
        }
        if (policy != null && policyX == null) {
            for (String p : paths) {
                if (!p.equals(policy)) {
                    policyX = p;
                    break;
                }
            }
        }
        if (policyX == null) {
            policy = null;
        }
        return new SweepManifest(file, base.name(), sets, axes, seeds, firstSeed, size(), hx, hy, policy, policyX, null);
    }

    /** Number of variants (points x seeds). */
    public int size() {
        return points.length * seeds;
    }

    public List<SweepAxis> axes() {
        return axes;
    }

    public int seedsPerPoint() {
        return seeds;
    }

    public String file() {
        return file;
    }

    /** The whole sweep's manifest (no shard). */
    public SweepManifest manifest() {
        return manifest;
    }

    /** Variant {@code index} (0-based, below {@link #size()}). */
    public Variant variant(int index) {
        int[] digits = new int[axes.size()];
        decode(axes, points[index / seeds], digits);
        long seed = firstSeed + index % seeds;
        List<String> values = new ArrayList<>(axes.size());
        List<String> setArgs = new ArrayList<>(sets);
        for (int a = 0; a < axes.size(); a++) {
            String v = axes.get(a).values().get(digits[a]);
            values.add(v);
            setArgs.add(paths.get(a) + "=" + v);
        }
        setArgs.add("seed=" + seed);
        return new Variant(index, values, seed, setArgs);
    }

    /** The scenario of {@code variant}: the text loaded with its {@code --set} arguments. */
    public Scenario materialize(Variant variant) throws ScenarioException {
        return ScenarioLoader.parse(composed, variant.setArgs(), maxEvents);
    }

    /** The event budget of each variant's run (pass it to the runner: {@code ScenarioRunner.run(s, version, maxEvents())}). */
    public long maxEvents() {
        return maxEvents;
    }

    List<String> paths() {
        return paths;
    }
}
