package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.scenarios.sweep.Shard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The shards of one search put back together: the {@code evaluations.jsonl} of each shard's
 * directory, checked to be this plan's search (same manifest but for the shard), shards {@code 1..n}
 * of one {@code n} each exactly once, every bracket complete. The result holds the same evaluations
 * a single run holds, so the outputs written from it are the same bytes.
 */
public final class SearchMerge {

    private SearchMerge() {
    }

    /** The merged {@code evaluations.jsonl} into {@code dir}: the file one unsharded run writes. */
    public static void writeEvaluations(Path dir, SearchResult r) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        EvaluationLog.write(dir, r.manifest(), r.evaluations());
    }

    public static SearchResult read(SearchPlan plan, List<Path> dirs) throws IOException, SearchInputException {
        TreeMap<Integer, Path> shards = new TreeMap<>();
        int n = -1;
        List<Evaluation> all = new ArrayList<>();
        for (Path dir : dirs) {
            EvaluationLog.Contents c = EvaluationLog.read(dir);
            if (c == null) {
                throw new SearchInputException(dir + " has no " + EvaluationLog.NAME + ": name the --out directories of the shards");
            }
            if (!c.manifest().sameSearch(plan.manifest())) {
                throw new SearchInputException(dir + " holds another search (" + c.manifest() + "), not " + plan.manifest()
                        + ": merge the shards of one search with the same FILE, --set, --budget and inputs");
            }
            Shard s = c.manifest().shard() == null ? Shard.ALL : Shard.parse(c.manifest().shard());
            if (n >= 0 && s.n() != n) {
                throw new SearchInputException(dir + " is shard " + s + ", of another split than the shards before it (of " + n + ")");
            }
            n = s.n();
            Path twice = shards.put(s.k(), dir);
            if (twice != null) {
                throw new SearchInputException(dir + " and " + twice + " are both shard " + s + "; give each shard once");
            }
            int[] count = new int[plan.brackets()];
            for (Evaluation e : c.rows()) {
                if (e.bracket() < 0 || e.bracket() >= count.length || !s.contains(e.bracket())) {
                    throw new SearchInputException(dir + ": evaluation " + e.bracket() + ":" + e.id() + " is not in shard " + s);
                }
                count[e.bracket()]++;
                all.add(e);
            }
            for (int b = 0; b < count.length; b++) {
                if (s.contains(b) && count[b] != plan.bracketBudget(b)) {
                    throw new SearchInputException(dir + ": bracket " + b + " has " + count[b] + " of its " + plan.bracketBudget(b)
                            + " runs (an interrupted shard): finish it with --resume first");
                }
            }
        }
        if (n < 0 || shards.size() != n) {
            throw new SearchInputException("shards " + shards.keySet() + " of " + n + " given: give the --out directory of every shard");
        }
        return new SearchResult(plan.manifest(), all, 0);
    }
}
