package dev.kdumpsim.cli.decode;

import dev.kdumpsim.pcie.tlp.TlpHeader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kdumpsim decode tlp DW0 DW1 DW2 [DW3]}: a TLP header as AER's "TLP Header:" line prints it. */
@Command(
        name = "tlp",
        mixinStandardHelpOptions = true,
        description = {
            "Decodes a 3- or 4-DW TLP header (MRd, MWr, Cpl, CplD), e.g. from 'TLP Header: 0a00a000 00008100 01010100 00000000'.",
            "Example: kdumpsim decode tlp 0a00a000 00008100 01010100 00000000"
        })
public final class DecodeTlpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DW", description = "Three or four 32-bit header dwords, hex (0x optional).")
    List<String> dwords;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        TlpHeader h = Decoded.parse("tlp", () -> TlpHeader.decode(dwords.toArray(new String[0])));
        return Decoded.print(spec.commandLine().getOut(), json, h::toText, h::toJsonFields);
    }
}
