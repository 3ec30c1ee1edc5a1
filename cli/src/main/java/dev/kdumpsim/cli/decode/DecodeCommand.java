package dev.kdumpsim.cli.decode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kdumpsim decode}: turns raw values pasted from a real kernel log into named fields. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Decodes values pasted from a real log: SMMU event records, TLP headers, AER status words.",
        subcommands = {DecodeSmmuEventCommand.class, DecodeTlpCommand.class, DecodeAerUncorCommand.class})
public final class DecodeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), 
                "Missing what to decode; one of: " + String.join(", ", spec.subcommands().keySet()));
    }
}
