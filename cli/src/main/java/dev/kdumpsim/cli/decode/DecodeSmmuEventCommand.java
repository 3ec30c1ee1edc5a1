package dev.kdumpsim.cli.decode;

import dev.kdumpsim.smmuv3.EventRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim decode smmu-event DW0 DW1 DW2 DW3}: an SMMUv3 event record (IHI0070 §7.3). */
@Command(
        name = "smmu-event",
        mixinStandardHelpOptions = true,
        description = {
            "Decodes the four 64-bit words the arm-smmu-v3 driver prints after 'event 0x.. received:'.",
            "Example: kdumpsim decode smmu-event 0x0000010000000002 0 0 0"
        })
public final class DecodeSmmuEventCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DW", description = "The record's four dwords, hex (0x optional) as printed by the kernel.")
    List<String> dwords;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        EventRecord r = Decoded.parse("smmu-event", () -> EventRecord.decode(dwords.toArray(new String[0])));
        return Decoded.print(spec.commandLine().getOut(), json, r::toText, r::toJsonFields);
    }
}
