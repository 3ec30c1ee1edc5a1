package dev.kdumpsim.scenarios.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a sweep's files from its manifest and rows alone, so an unsharded run, a resumed run
 * and {@code kdumpsim merge} of shards all produce the same bytes: {@code results.jsonl},
 * {@code results.csv}, {@code summary.md}, {@code junit.xml}, the plots ({@code heatmap-corruption}
 * and {@code policy-<value>}, each {@code .png} and {@code .svg}) and {@code sweep.json}, each
 * written atomically, {@code sweep.json} last. Plot files of an earlier sweep in the same
 * directory that this one does not write are removed.
 */
public final class SweepOutputs {

    public static final String MANIFEST = "sweep.json";
    public static final String RESULTS_JSONL = "results.jsonl";
    public static final String RESULTS_CSV = "results.csv";
    public static final String SUMMARY = "summary.md";
    public static final String JUNIT = "junit.xml";

    private SweepOutputs() {
    }

    /** Plots an earlier sweep left in {@code dir} (another policy value, say) would pass for this sweep's. */
    private static void removeStalePlots(Path dir, List<String> written) throws IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                boolean plot = (n.startsWith("policy-") || n.startsWith("heatmap-")) && (n.endsWith(".png") || n.endsWith(".svg"));
                if (plot && !written.contains(n)) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }

    /** Writes every output file into {@code dir}; returns their names in writing order. */
    public static List<String> write(Path dir, SweepManifest m, List<VariantRow> rows) throws IOException {
        List<String> names = new ArrayList<>();
        AtomicFiles.write(dir.resolve(RESULTS_JSONL), ResultsTable.jsonl(rows));
        names.add(RESULTS_JSONL);
        AtomicFiles.write(dir.resolve(RESULTS_CSV), ResultsTable.csv(m, rows));
        names.add(RESULTS_CSV);
        Map<String, byte[]> plots = SweepPlots.render(m, rows);
        AtomicFiles.write(dir.resolve(SUMMARY), SummaryMarkdown.render(m, rows, new ArrayList<>(plots.keySet())));
        names.add(SUMMARY);
        AtomicFiles.write(dir.resolve(JUNIT), JunitXml.render(m, rows));
        names.add(JUNIT);
        for (Map.Entry<String, byte[]> e : plots.entrySet()) {
            AtomicFiles.write(dir.resolve(e.getKey()), e.getValue());
            names.add(e.getKey());
        }
        AtomicFiles.write(dir.resolve(MANIFEST), m.toJsonText());
        names.add(MANIFEST);
        removeStalePlots(dir, names);
        return names;
    }
}
