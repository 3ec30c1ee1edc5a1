package dev.kdumpsim.cli.decode;

import dev.kdumpsim.pcie.aer.AerUncorrectable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim decode aer-uncor VALUE}: the AER Uncorrectable Error Status (or Mask/Severity) word. */
@Command(
        name = "aer-uncor",
        mixinStandardHelpOptions = true,
        description = {
            "Names the set bits of an AER uncorrectable status, mask or severity word (aer_status, aer_uncor_severity).",
            "Example: kdumpsim decode aer-uncor 0x00040000"
        })
public final class DecodeAerUncorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "VALUE", description = "The 32-bit value, hex (0x optional).")
    String value;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        AerUncorrectable a = Decoded.parse("aer-uncor", () -> AerUncorrectable.decode(value));
        return Decoded.print(spec.commandLine().getOut(), json, a::toText, a::toJsonFields);
    }
}
