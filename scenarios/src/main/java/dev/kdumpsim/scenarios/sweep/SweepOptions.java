package dev.kdumpsim.scenarios.sweep;

import java.nio.file.Path;

/**
 * How to run a sweep: {@code jobs} worker threads, which {@code shard}, the output directory,
 * and whether to continue from the journal an interrupted run left there.
 */
public record SweepOptions(int jobs, Shard shard, Path outDir, boolean resume) {

    public SweepOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
    }
}
