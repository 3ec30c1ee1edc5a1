package dev.kdumpsim.scenarios.fit;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.search.SearchEngine;
import dev.kdumpsim.scenarios.search.SearchInputException;
import dev.kdumpsim.scenarios.search.SearchMerge;
import dev.kdumpsim.scenarios.search.SearchPlan;
import dev.kdumpsim.scenarios.search.SearchResult;
import dev.kdumpsim.scenarios.search.SearchSpace;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kdumpsim fit}: the report's lines ({@link FitObjective}), the scenario's space
 * ({@link SearchSpace}), the search ({@link SearchEngine}) or the merge of its shards
 * ({@link SearchMerge}), then the outputs ({@link FitOutputs}).
 */
public final class FitRun {

    /** What a fit wrote. */
    public record Outcome(SearchResult result, int linesMatched, int linesTotal, List<String> files) {
    }

    private final SearchPlan plan;
    private final FitObjective objective;
    private final String logName;

    private FitRun(SearchPlan plan, FitObjective objective, String logName) {
        this.plan = plan;
        this.objective = objective;
        this.logName = logName;
    }

    /**
     * Prepares a fit of scenario {@code text} to the report {@code logText}.
     *
     * @throws ScenarioException for a scenario, --set or fit: section that does not load, or a report with nothing to fit
     */
    public static FitRun prepare(String file, String text, List<String> sets, String logFile, String logText, int budget) throws ScenarioException {
        SearchPlan plan = SearchPlan.create("fit", file, text, sets, SearchSpace.Mode.FIT, budget, logText);
        Map<String, String> logs = new LinkedHashMap<>();
        logs.put(logFile, logText);
        FitObjective objective;
        try {
            objective = FitObjective.of(logs, plan.base());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(logFile, 0, 0, e.getMessage(), "give the console log with the IOMMU, AER or crashkernel lines of the report");
        }
        return new FitRun(plan, objective, FitOutputs.fileName(logFile));
    }

    public SearchPlan plan() {
        return plan;
    }

    public Outcome run(SweepOptions options) throws IOException, SearchInputException, InterruptedException {
        return outputs(options.outDir(), SearchEngine.run(plan, objective, options));
    }

    public Outcome merge(List<Path> shardDirs, Path outDir) throws IOException, SearchInputException {
        SearchResult r = SearchMerge.read(plan, shardDirs);
        SearchMerge.writeEvaluations(outDir, r);
        return outputs(outDir, r);
    }

    private Outcome outputs(Path dir, SearchResult r) throws IOException {
        List<String> files = FitOutputs.write(dir, plan, objective, logName, r);
        Object matched = r.best().scored().detail().get("linesMatched");
        return new Outcome(r, matched instanceof Number n ? n.intValue() : 0, objective.reportLines().size(), files);
    }
}
