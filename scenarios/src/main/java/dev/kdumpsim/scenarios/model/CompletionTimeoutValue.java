package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.core.SpecNamed;

/**
 * A Device Control 2 Completion Timeout Value (PCIe r5.0 §7.5.3.16, bits 3:0), named by the
 * range it selects; the model times a request out at the range's upper bound (sim-pcie
 * CompletionTimeoutControl).
 */
public enum CompletionTimeoutValue implements SpecNamed {
    DEFAULT("default", "0000b: the default range, 50 us to 50 ms (the endpoint's completionTimeout)", 0b0000, null),
    A_50US_100US("50us-100us", "0001b, range A", 0b0001, CompletionTimeoutRange.A),
    A_1MS_10MS("1ms-10ms", "0010b, range A", 0b0010, CompletionTimeoutRange.A),
    B_16MS_55MS("16ms-55ms", "0101b, range B", 0b0101, CompletionTimeoutRange.B),
    B_65MS_210MS("65ms-210ms", "0110b, range B", 0b0110, CompletionTimeoutRange.B),
    C_260MS_900MS("260ms-900ms", "1001b, range C", 0b1001, CompletionTimeoutRange.C),
    C_1S_3_5S("1s-3.5s", "1010b, range C", 0b1010, CompletionTimeoutRange.C),
    D_4S_13S("4s-13s", "1101b, range D", 0b1101, CompletionTimeoutRange.D),
    D_17S_64S("17s-64s", "1110b, range D", 0b1110, CompletionTimeoutRange.D);

    private final String specName;
    private final String description;
    private final int encoding;
    private final CompletionTimeoutRange range;

    CompletionTimeoutValue(String specName, String description, int encoding, CompletionTimeoutRange range) {
        this.specName = specName;
        this.description = description;
        this.encoding = encoding;
        this.range = range;
    }

    /** The 4-bit DevCtl2 encoding. */
    public int encoding() {
        return encoding;
    }

    /** The range it needs supported, or null for the default range. */
    public CompletionTimeoutRange range() {
        return range;
    }

    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String description() {
        return description;
    }
}
