package dev.kdumpsim.scenarios.sweep;

/**
 * Progress of a running sweep, for a terminal bar or log lines. Called from worker threads;
 * implementations synchronize themselves. {@link #NONE} ignores everything.
 */
public interface SweepProgress {

    SweepProgress NONE = new SweepProgress() {
        @Override
        public void started(int total, int alreadyDone) {
        }

        @Override
        public void advanced(int done, int total) {
        }

        @Override
        public void finished(int done, int total) {
        }
    };

    /** Before the first variant: {@code total} variants in this run (shard), {@code alreadyDone} of them resumed. */
    void started(int total, int alreadyDone);

    /** A variant finished; {@code done} counts resumed ones too. */
    void advanced(int done, int total);

    /** Every variant has finished (not called when the sweep aborts). */
    void finished(int done, int total);
}
