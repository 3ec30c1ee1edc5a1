package dev.kdumpsim.scenarios.fit;

import dev.kdumpsim.scenarios.binding.Json;
import dev.kdumpsim.scenarios.search.BestScenario;
import dev.kdumpsim.scenarios.search.Dimension;
import dev.kdumpsim.scenarios.search.Evaluation;
import dev.kdumpsim.scenarios.search.SearchPlan;
import dev.kdumpsim.scenarios.search.SearchResult;
import dev.kdumpsim.scenarios.sweep.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * fit.json, fit.md and best.yaml of a finished fit, written from the best evaluation's detail
 * (no run again: a merge of shards writes them as the single run does). Each file is written
 * atomically; best.yaml is written first and checked to load, so a fit that cannot write it
 * leaves no fit.json claiming otherwise.
 */
public final class FitOutputs {

    public static final List<String> FILES = List.of("best.yaml", "fit.json", "fit.md", "evaluations.jsonl");

    private FitOutputs() {
    }

    /** fit.json's document (also what tests read). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(SearchPlan plan, FitObjective objective, String logName, SearchResult r) {
        Evaluation best = r.best();
        Map<String, Object> d = best.scored().detail();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", plan.base().name());
        m.put("report", logName);
        m.put("budget", plan.budget());
        m.put("shard", r.manifest().shard());
        m.put("runs", r.evaluations().size());
        m.put("linesMatched", d.get("linesMatched"));
        m.put("linesTotal", objective.reportLines().size());
        m.put("linesMatchedAtAnotherTime", d.get("linesMatchedAtAnotherTime"));
        m.put("linesMissing", d.get("linesMissing"));
        m.put("extraLines", d.get("extraLines"));
        m.put("best", bestPoint(best));
        List<Object> lines = new ArrayList<>();
        List<Object> statuses = d.get("lines") instanceof List<?> l ? (List<Object>) l : List.of();
        for (int i = 0; i < objective.reportLines().size(); i++) {
            ReportLine rl = objective.reportLines().get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", rl.where());
            line.put("kind", rl.kind());
            line.put("reportTime", rl.timestamp().orElse(null));
            Map<String, Object> s = i < statuses.size() ? (Map<String, Object>) statuses.get(i) : Map.of();
            line.put("status", s.getOrDefault("status", LineStatus.MISSING.name));
            line.put("simulatedTime", s.get("simulatedTime"));
            line.put("text", rl.text());
            lines.add(line);
        }
        m.put("lines", lines);
        m.put("extra", d.getOrDefault("extra", List.of()));
        if (d.containsKey("error")) {
            m.put("error", d.get("error"));
        }
        return m;
    }

    static Map<String, Object> bestPoint(Evaluation best) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("candidate", best.bracket() + ":" + best.id());
        b.put("score", best.scored().score());
        Map<String, Object> values = new LinkedHashMap<>();
        for (String s : best.sets()) {
            int eq = s.indexOf('=');
            values.put(s.substring(0, eq), s.substring(eq + 1));
        }
        b.put("values", values);
        return b;
    }

    /** Writes best.yaml, fit.json and fit.md into {@code dir}; the names written. */
    public static List<String> write(Path dir, SearchPlan plan, FitObjective objective, String logName, SearchResult r) throws IOException {
        Map<String, Object> json = json(plan, objective, logName, r);
        List<String> header = new ArrayList<>();
        header.add("Written by kdumpsim fit from " + fileName(plan.file()) + " and the report " + logName + ": the scenario with the values");
        header.add("that reproduce the most report lines (" + json.get("linesMatched") + " of " + json.get("linesTotal") + "; fit.json), its extends: merged in.");
        for (String s : r.best().sets()) {
            header.add("  " + s);
        }
        AtomicFiles.write(dir.resolve("best.yaml"), BestScenario.write(plan, r.best(), header));
        AtomicFiles.write(dir.resolve("fit.json"), Json.pretty(json));
        AtomicFiles.write(dir.resolve("fit.md"), markdown(plan, json));
        return FILES;
    }

    @SuppressWarnings("unchecked")
    private static String markdown(SearchPlan plan, Map<String, Object> j) {
        StringBuilder b = new StringBuilder();
        b.append("# kdumpsim fit: ").append(j.get("scenario")).append("\n\n");
        b.append(String.format(Locale.ROOT, "%s of %s report lines matched (%s at another time, %s missing), %s extra simulated line(s);"
                + " best of %s run(s), budget %s%s.%n%n", j.get("linesMatched"), j.get("linesTotal"), j.get("linesMatchedAtAnotherTime"),
                j.get("linesMissing"), j.get("extraLines"), j.get("runs"), j.get("budget"), j.get("shard") == null ? "" : ", shard " + j.get("shard")));
        b.append("Report: `").append(j.get("report")).append("`. Scenario with the best values: `best.yaml`.\n\n");
        b.append("## Best values\n\n| parameter | searched over | best |\n|---|---|---|\n");
        Map<String, Object> values = (Map<String, Object>) ((Map<String, Object>) j.get("best")).get("values");
        for (Dimension d : plan.space().dimensions()) {
            b.append("| `").append(d.path()).append("` | ").append(d.describe()).append(" | `").append(values.get(d.path())).append("` |\n");
        }
        b.append("\n## Report lines\n\n| line | status | report time | simulated time | text |\n|---|---|---|---|---|\n");
        for (Object o : (List<Object>) j.get("lines")) {
            Map<String, Object> l = (Map<String, Object>) o;
            b.append("| ").append(l.get("line")).append(" | ").append(l.get("status")).append(" | ").append(orDash(l.get("reportTime")))
                    .append(" | ").append(orDash(l.get("simulatedTime"))).append(" | `").append(cell(l.get("text"))).append("` |\n");
        }
        List<Object> extra = (List<Object>) j.get("extra");
        if (!extra.isEmpty()) {
            b.append("\n## Extra simulated lines (of kinds the report shows, not in it)\n\n| kind | simulated time | text |\n|---|---|---|\n");
            for (Object o : extra) {
                Map<String, Object> l = (Map<String, Object>) o;
                b.append("| ").append(l.get("kind")).append(" | ").append(orDash(l.get("simulatedTime"))).append(" | `").append(cell(l.get("text")))
                        .append("` |\n");
            }
        }
        if (j.containsKey("error")) {
            b.append("\nThe best run failed: ").append(j.get("error")).append('\n');
        }
        return b.toString();
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String cell(Object o) {
        return String.valueOf(o).replace("|", "\\|").replace("`", "'").replace("\t", " ");
    }

    static String fileName(String path) {
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }
}
