package dev.kdumpsim.scenarios.search;

import java.util.List;

/**
 * A finished search (one shard, or shards merged): every evaluation in candidate order, the best
 * (highest score, earliest candidate on a tie) and how many came from an earlier run's journal.
 */
public record SearchResult(SearchManifest manifest, List<Evaluation> evaluations, int resumed) {

    public SearchResult {
        evaluations = evaluations.stream().sorted(Evaluation::byPosition).toList();
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("a search result with no evaluation");
        }
    }

    public Evaluation best() {
        return evaluations.stream().sorted(Evaluation::better).findFirst().orElseThrow();
    }
}
