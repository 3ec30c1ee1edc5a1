package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.binding.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a sweep's files from its manifest and rows alone, so an unsharded run, a resumed run
 * and {@code kdumpsim merge} of shards all produce the same bytes: {@code results.jsonl},
 * {@code results.csv}, {@code summary.md}, {@code report.html}, {@code junit.xml}, the plots ({@code heatmap-corruption}
 * and {@code policy-<value>}, each {@code .png} and {@code .svg}) and {@code sweep.json}, each
 * written atomically, {@code sweep.json} last; sweep.json lists them under {@code outputs}. Files
 * an earlier sweep in the same directory wrote (by its sweep.json) that this one does not write
 * are removed; nothing else is, whatever its name (a user's own policy-*.png stays).
 */
public final class SweepOutputs {

    public static final String MANIFEST = "sweep.json";
    public static final String RESULTS_JSONL = "results.jsonl";
    public static final String RESULTS_CSV = "results.csv";
    public static final String SUMMARY = "summary.md";
    /** The summary as one self-contained page, plots inlined ({@link SweepHtml}). */
    public static final String REPORT_HTML = "report.html";
    public static final String JUNIT = "junit.xml";

    private SweepOutputs() {
    }

    /** Key of sweep.json listing the files the sweep wrote besides sweep.json (the only files a later sweep may remove). */
    static final String OUTPUTS = "outputs";

    /** The files an earlier sweep in {@code dir} wrote, by its sweep.json; empty when there is none or it is not ours. */
    @SuppressWarnings("unchecked")
    static List<String> previousOutputs(Path dir) {
        try {
            Object json = Json.parse(java.nio.file.Files.readString(dir.resolve(MANIFEST), java.nio.charset.StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            if (json instanceof Map<?, ?> o && o.get(OUTPUTS) instanceof List<?> l) {
                for (Object x : l) {
                    // only plain names in dir: a hand-edited manifest cannot name a file elsewhere
                    if (x instanceof String n && !n.isEmpty() && !n.startsWith(".") && !n.contains("/") && !n.contains("\\")) {
                        out.add(n);
                    }
                }
            }
            return out;
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            return List.of();
        }
    }

    /** Writes every output file into {@code dir}; returns their names in writing order. */
    public static List<String> write(Path dir, SweepManifest m, List<VariantRow> rows) throws IOException {
        List<String> previous = previousOutputs(dir);
        List<String> names = new ArrayList<>();
        AtomicFiles.write(dir.resolve(RESULTS_JSONL), ResultsTable.jsonl(rows));
        names.add(RESULTS_JSONL);
        AtomicFiles.write(dir.resolve(RESULTS_CSV), ResultsTable.csv(m, rows));
        names.add(RESULTS_CSV);
        Map<String, byte[]> plots = SweepPlots.render(m, rows);
        String summary = SummaryMarkdown.render(m, rows, new ArrayList<>(plots.keySet()));
        AtomicFiles.write(dir.resolve(SUMMARY), summary);
        names.add(SUMMARY);
        AtomicFiles.write(dir.resolve(REPORT_HTML), SweepHtml.render(summary, plots));
        names.add(REPORT_HTML);
        AtomicFiles.write(dir.resolve(JUNIT), JunitXml.render(m, rows));
        names.add(JUNIT);
        for (Map.Entry<String, byte[]> e : plots.entrySet()) {
            AtomicFiles.write(dir.resolve(e.getKey()), e.getValue());
            names.add(e.getKey());
        }
        Map<String, Object> manifest = m.toJson();
        manifest.put(OUTPUTS, new ArrayList<Object>(names));
        AtomicFiles.write(dir.resolve(MANIFEST), Json.pretty(manifest));
        names.add(MANIFEST);
        for (String n : previous) {
            if (!names.contains(n)) {
                java.nio.file.Files.deleteIfExists(dir.resolve(n)); // ours, from the earlier sweep: would pass for this one's
            }
        }
        return names;
    }
}
