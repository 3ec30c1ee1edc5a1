package dev.kdumpsim.scenarios.search;

/** An output directory that does not hold what {@code --resume} or a merge needs: one line for the user, exit 2. */
public final class SearchInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public SearchInputException(String message) {
        super(message);
    }
}
