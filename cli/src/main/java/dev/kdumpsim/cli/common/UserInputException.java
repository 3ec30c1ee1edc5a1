package dev.kdumpsim.cli.common;

/**
 * Input a person got wrong (a value, a file): reported as one line on stderr with exit code
 * {@link ExitCodes#USAGE}, never as a stack trace.
 */
public final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
