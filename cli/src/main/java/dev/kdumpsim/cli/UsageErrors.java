package dev.kdumpsim.cli;

import dev.kdumpsim.cli.common.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error (unknown command or option, missing or malformed argument) is one line saying
 * what is wrong plus where to read more, {@code try 'kdumpsim CMD --help'}; exit
 * {@link ExitCodes#USAGE}. The whole usage text would bury the one line that matters.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = ex.getMessage() == null ? "bad usage" : ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
        }
        err.println("kdumpsim: " + message);
        err.println("try '" + cl.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }
}
