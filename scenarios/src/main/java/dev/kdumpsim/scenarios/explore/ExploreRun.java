package dev.kdumpsim.scenarios.explore;

import dev.kdumpsim.scenarios.binding.Json;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.search.BestScenario;
import dev.kdumpsim.scenarios.search.Dimension;
import dev.kdumpsim.scenarios.search.Evaluation;
import dev.kdumpsim.scenarios.search.SearchEngine;
import dev.kdumpsim.scenarios.search.SearchInputException;
import dev.kdumpsim.scenarios.search.SearchMerge;
import dev.kdumpsim.scenarios.search.SearchPlan;
import dev.kdumpsim.scenarios.search.SearchResult;
import dev.kdumpsim.scenarios.search.SearchSpace;
import dev.kdumpsim.scenarios.sweep.AtomicFiles;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code kdumpsim explore}: the fit engine pointed at harm. The space is the scenario's
 * {@code fit:} section or the default timing space (seed, crash instant, kdump boot phases:
 * {@link SearchSpace}); the objective a {@link Harm}. Outputs: explore.json and explore.md (the
 * worst case, how many runs reached the harm, and the share of random seeds that reach it at the
 * file's timing and at the worst case's), worst.yaml (the worst case as a scenario) and
 * evaluations.jsonl. A mitigation is shown safe within the budget when no run reached the harm.
 */
public final class ExploreRun {

    /** What an exploration wrote. */
    public record Outcome(SearchResult result, boolean reached, long reachedRuns, SeedShare.Share fileShare, SeedShare.Share worstShare,
            List<String> files) {
    }

    public static final List<String> FILES = List.of("worst.yaml", "explore.json", "explore.md", "evaluations.jsonl");

    private final SearchPlan plan;
    private final Harm harm;
    private final HarmObjective objective;
    private final int seeds;

    private ExploreRun(SearchPlan plan, Harm harm, int seeds) {
        this.plan = plan;
        this.harm = harm;
        this.objective = new HarmObjective(harm);
        this.seeds = seeds;
    }

    /**
     * @param seeds random seeds run at the file's timing and at the worst case's, for the shares (0: none)
     * @throws ScenarioException for a scenario, --set or fit: section that does not load
     */
    public static ExploreRun prepare(String file, String text, List<String> sets, Harm harm, int budget, int seeds) throws ScenarioException {
        if (seeds < 0 || seeds > 10_000) {
            throw new ScenarioException("--seeds", 0, 0, "seeds must be 0 to 10000, not " + seeds, "");
        }
        return new ExploreRun(SearchPlan.create("explore", file, text, sets, SearchSpace.Mode.EXPLORE, budget, harm.specName), harm, seeds);
    }

    public Outcome run(SweepOptions options) throws IOException, SearchInputException, InterruptedException {
        return outputs(options.outDir(), SearchEngine.run(plan, objective, options), options.jobs());
    }

    public Outcome merge(List<Path> shardDirs, Path outDir, int jobs) throws IOException, SearchInputException, InterruptedException {
        SearchResult r = SearchMerge.read(plan, shardDirs);
        SearchMerge.writeEvaluations(outDir, r);
        return outputs(outDir, r, jobs);
    }

    private Outcome outputs(Path dir, SearchResult r, int jobs) throws IOException, InterruptedException {
        Evaluation worst = r.best();
        boolean reached = Boolean.TRUE.equals(worst.scored().detail().get("reached"));
        long reachedRuns = r.evaluations().stream().filter(e -> Boolean.TRUE.equals(e.scored().detail().get("reached"))).count();
        List<Long> s = SeedShare.seeds(plan.base().seed(), seeds);
        SeedShare.Share fileShare = SeedShare.of(plan, List.of(), objective, s, jobs);
        SeedShare.Share worstShare = SeedShare.of(plan, worst.sets(), objective, s, jobs);
        Map<String, Object> json = json(r, worst, reached, reachedRuns, fileShare, worstShare);
        List<String> header = new ArrayList<>();
        header.add("Written by kdumpsim explore from " + Path.of(plan.file()).getFileName() + ": the most harmful point found for '"
                + harm.specName + "' (" + (reached ? "reached" : "NOT reached") + "; explore.json), its extends: merged in.");
        for (String set : worst.sets()) {
            header.add("  " + set);
        }
        AtomicFiles.write(dir.resolve("worst.yaml"), BestScenario.write(plan, worst, header));
        AtomicFiles.write(dir.resolve("explore.json"), Json.pretty(json));
        AtomicFiles.write(dir.resolve("explore.md"), markdown(json, worst));
        return new Outcome(r, reached, reachedRuns, fileShare, worstShare, FILES);
    }

    private Map<String, Object> json(SearchResult r, Evaluation worst, boolean reached, long reachedRuns, SeedShare.Share fileShare,
            SeedShare.Share worstShare) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", plan.base().name());
        m.put("objective", harm.specName);
        m.put("budget", plan.budget());
        m.put("shard", r.manifest().shard());
        m.put("runs", r.evaluations().size());
        m.put("reached", reached);
        m.put("reachedRuns", reachedRuns);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("candidate", worst.bracket() + ":" + worst.id());
        w.put("score", worst.scored().score());
        Map<String, Object> values = new LinkedHashMap<>();
        for (String s : worst.sets()) {
            values.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        w.put("values", values);
        w.put("verdict", worst.scored().detail());
        m.put("worst", w);
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("seeds", fileShare.seeds());
        share.put("fileTiming", counts(fileShare));
        share.put("worstTiming", counts(worstShare));
        m.put("seedShare", share);
        return m;
    }

    private static Map<String, Object> counts(SeedShare.Share s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tried", s.tried());
        m.put("reached", s.reached());
        return m;
    }

    @SuppressWarnings("unchecked")
    private String markdown(Map<String, Object> j, Evaluation worst) {
        StringBuilder b = new StringBuilder();
        b.append("# kdumpsim explore: ").append(j.get("scenario")).append(", objective ").append(harm.specName).append("\n\n");
        boolean reached = (Boolean) j.get("reached");
        b.append(reached ? "Reached: " + harm.description + ", in " + j.get("reachedRuns") + " of " + j.get("runs") + " run(s)."
                : "Not reached in " + j.get("runs") + " run(s): within this budget no timing of the space gives it (" + harm.description + ").");
        b.append(String.format(Locale.ROOT, " Budget %s%s.%n%n", j.get("budget"), j.get("shard") == null ? "" : ", shard " + j.get("shard")));
        Map<String, Object> share = (Map<String, Object>) j.get("seedShare");
        Map<String, Object> f = (Map<String, Object>) share.get("fileTiming");
        Map<String, Object> w = (Map<String, Object>) share.get("worstTiming");
        b.append("Random seeds that reach it: ").append(f.get("reached")).append(" of ").append(f.get("tried")).append(" at the file's timing, ")
                .append(w.get("reached")).append(" of ").append(w.get("tried")).append(" at the worst case's.\n\n");
        b.append("## ").append(reached ? "Worst case" : "Most harmful point").append(" (worst.yaml)\n\n| parameter | searched over | value |\n|---|---|---|\n");
        Map<String, Object> values = (Map<String, Object>) ((Map<String, Object>) j.get("worst")).get("values");
        for (Dimension d : plan.space().dimensions()) {
            b.append("| `").append(d.path()).append("` | ").append(d.describe()).append(" | `").append(values.get(d.path())).append("` |\n");
        }
        b.append("\n| verdict | value |\n|---|---|\n");
        worst.scored().detail().forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return b.toString();
    }
}
