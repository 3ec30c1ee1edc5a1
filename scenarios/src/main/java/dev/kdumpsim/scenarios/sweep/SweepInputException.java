package dev.kdumpsim.scenarios.sweep;

/**
 * A sweep cannot go on because of its input, not because of a bug: a journal from another sweep,
 * shard directories that do not add up, an unreadable output directory. The CLI prints the
 * message as one line and exits 2.
 */
public final class SweepInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public SweepInputException(String message) {
        super(message, null, false, false);
    }
}
