package dev.kdumpsim.scenarios.fit;

import dev.kdumpsim.scenarios.importer.DistinctiveLines;
import dev.kdumpsim.scenarios.importer.Facts;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.scenarios.search.Objective;
import dev.kdumpsim.scenarios.search.Scored;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kdumpsim fit}'s objective: run the candidate, classify the report's lines in its
 * kernel.log ({@link LineMatcher}), score. The report's lines are read once, the way
 * {@code kdumpsim import} reads them ({@link DistinctiveLines}).
 */
public final class FitObjective implements Objective {

    /** Default tolerance on a matched line's time. */
    public static final long DEFAULT_TOLERANCE_NS = 500_000_000L;
    static final String VERSION = "fit";

    private final List<ReportLine> report;
    private final LineMatcher matcher;

    private FitObjective(List<ReportLine> report, long toleranceNs) {
        this.report = report;
        this.matcher = new LineMatcher(report, toleranceNs / 1e9);
    }

    /**
     * The objective for {@code logs} (file name to text), with the scenario's tolerance.
     *
     * @throws IllegalArgumentException when the report has no line the importer finds distinctive (nothing to fit)
     */
    public static FitObjective of(Map<String, String> logs, Scenario scenario) {
        List<ReportLine> lines = new ArrayList<>();
        for (Facts.Distinctive d : DistinctiveLines.of(new LinkedHashMap<>(logs))) {
            lines.add(ReportLine.of(d.line(), d.kind()));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no line of the report is one the model prints (IOMMU, AER, crashkernel, panic lines):"
                    + " nothing to fit");
        }
        long tol = scenario.fit().flatMap(f -> f.tolerance()).map(t -> t.nanos()).orElse(DEFAULT_TOLERANCE_NS);
        return new FitObjective(lines, tol);
    }

    List<ReportLine> reportLines() {
        return report;
    }

    @Override
    public Scored evaluate(Scenario candidate) {
        ScenarioRunner.Outcome o = ScenarioRunner.run(candidate, VERSION);
        Map<String, Object> detail = matcher.classify(o.kernelLog());
        double score = ((Number) detail.remove("score")).doubleValue();
        return new Scored(score, detail);
    }
}
