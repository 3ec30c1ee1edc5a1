package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.core.SpecNamed;

/**
 * A Completion Timeout range a function supports: Device Capabilities 2 "Completion Timeout Ranges
 * Supported", bits 3:0 = ranges A-D (PCIe r5.0 §7.5.3.15).
 */
public enum CompletionTimeoutRange implements SpecNamed {
    A("A", "50 us to 10 ms (DevCap2 bit 0)", 1),
    B("B", "10 ms to 250 ms (DevCap2 bit 1)", 2),
    C("C", "250 ms to 4 s (DevCap2 bit 2)", 4),
    D("D", "4 s to 64 s (DevCap2 bit 3)", 8);

    private final String specName;
    private final String description;
    private final int bit;

    CompletionTimeoutRange(String specName, String description, int bit) {
        this.specName = specName;
        this.description = description;
        this.bit = bit;
    }

    /** Its bit in DevCap2 Completion Timeout Ranges Supported (sim-pcie CompletionTimeoutControl.RANGE_A..D). */
    public int bit() {
        return bit;
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
