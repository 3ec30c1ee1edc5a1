package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ComposedScenario;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunBudget;
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
 * A search laid out before it runs: the scenario (text and {@code --set}s), its {@link SearchSpace},
 * the budget in runs and how it is split into brackets of at most {@link #BRACKET} runs each (the
 * unit shards and merges are made of: bracket {@code b} belongs to shard {@code b mod n + 1}). Each
 * candidate is the scenario text loaded again with the candidate's values as {@code --set}s, so it
 * is bound and validated like a user's file.
 */
public final class SearchPlan {

    /** Runs per bracket at most: enough for five rungs of halving. */
    public static final int BRACKET = 32;
    /** More runs than this is a typo in --budget. */
    public static final int MAX_BUDGET = 1_000_000;

    private final String file;
    private final String text;
    private final ComposedScenario composed;
    private final List<String> sets;
    private final Scenario base;
    private final SearchSpace space;
    private final int budget;
    private final double[] origin;
    private final SearchManifest manifest;

    private SearchPlan(String file, String text, List<String> sets, Scenario base, SearchSpace space, int budget, SearchManifest manifest)
            throws ScenarioException {
        this.file = file;
        this.text = text;
        this.composed = ComposedScenario.of(file, text);
        this.sets = List.copyOf(sets);
        this.base = base;
        this.space = space;
        this.budget = budget;
        this.manifest = manifest;
        this.origin = origin(ScenarioLoader.tree(file, text, sets), base, space);
    }

    /**
     * Loads the scenario and its space. {@code command} and {@code inputs} (the report text, the
     * objective) go into the manifest's hash with the scenario text and sets.
     */
    public static SearchPlan create(String command, String file, String text, List<String> sets, SearchSpace.Mode mode, int budget,
            String... inputs) throws ScenarioException {
        if (budget < 1 || budget > MAX_BUDGET) {
            throw new ScenarioException("--budget", 0, 0, "the budget must be 1 to " + MAX_BUDGET + " runs, not " + budget, "");
        }
        Scenario base = ScenarioLoader.parse(file, text, sets, RunBudget.DEFAULT_MAX_EVENTS);
        SearchSpace space = SearchSpace.of(file, text, sets, base, mode, RunBudget.DEFAULT_MAX_EVENTS);
        List<String> hashed = new ArrayList<>(List.of(command, text, String.join("\n", sets)));
        hashed.addAll(List.of(inputs));
        SearchManifest m = new SearchManifest(command, base.name(), SearchManifest.sha256(hashed.toArray(String[]::new)), budget,
                space.dimensions().stream().map(Dimension::path).toList(), null);
        return new SearchPlan(file, text, sets, base, space, budget, m);
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    public List<String> sets() {
        return sets;
    }

    public Scenario base() {
        return base;
    }

    public SearchSpace space() {
        return space;
    }

    public int budget() {
        return budget;
    }

    public SearchManifest manifest() {
        return manifest;
    }

    public int brackets() {
        return (budget + BRACKET - 1) / BRACKET;
    }

    /** Runs of bracket {@code b}: the budget split evenly, the first brackets taking the remainder. */
    public int bracketBudget(int b) {
        int n = brackets();
        return budget / n + (b < budget % n ? 1 : 0);
    }

    double[] origin() {
        return origin.clone();
    }

    /** The scenario of a candidate: the text loaded with the user's sets, then the candidate's. */
    public Scenario materialize(List<String> candidateSets) throws ScenarioException {
        List<String> all = new ArrayList<>(sets);
        all.addAll(candidateSets);
        return ScenarioLoader.parse(composed, all, RunBudget.DEFAULT_MAX_EVENTS);
    }

    /**
     * The scenario's own values as genes: where bracket 0 starts. A path the file leaves out starts
     * mid-range (for a default boot phase that is its built-in duration exactly).
     */
    private static double[] origin(Node root, Scenario base, SearchSpace space) {
        List<Dimension> dims = space.dimensions();
        double[] g = new double[dims.size()];
        for (int i = 0; i < g.length; i++) {
            Dimension d = dims.get(i);
            String v = d.path().equals("seed") ? Long.toString(base.seed()) : scalar(root, d.path());
            g[i] = gene(d, v);
        }
        return g;
    }

    private static double gene(Dimension d, String v) {
        try {
            switch (d.kind()) {
                case SEED:
                    return v == null ? 1 : Long.parseLong(v.strip());
                case CHOICE:
                    int at = v == null ? -1 : d.choices().indexOf(v.strip());
                    return Math.max(0, at);
                case INTEGER:
                    return v == null ? 0.5 : d.geneOf(Long.parseLong(v.strip().replace("_", "")));
                case DURATION:
                    return v == null ? 0.5 : d.geneOf(SimDuration.parse(v).nanos());
                default:
                    return v == null ? 0.5 : d.geneOf(ByteSize.parse(v).bytes());
            }
        } catch (IllegalArgumentException e) {
            return d.kind() == Dimension.Kind.CHOICE ? 0 : 0.5;
        }
    }

    /** The scalar at a dotted path ({@code a.b[0].c} or {@code a.b.0.c}) of the node tree, or null. */
    static String scalar(Node root, String path) {
        Node n = root;
        for (String step : path.replace("[", ".").replace("]", "").split("\\.")) {
            if (step.isEmpty()) {
                continue;
            }
            if (n instanceof MappingNode m) {
                Node next = null;
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(step)) {
                        next = t.getValueNode();
                    }
                }
                n = next;
            } else if (n instanceof SequenceNode s) {
                try {
                    int i = Integer.parseInt(step);
                    n = i < s.getValue().size() ? s.getValue().get(i) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return n instanceof ScalarNode s ? s.getValue() : null;
    }
}
