package dev.kdumpsim.scenarios.model;

import java.util.List;

/**
 * An endpoint's Completion Timeout programmability (Device Capabilities 2, PCIe r5.0 §7.5.3.15)
 * and the Device Control 2 value firmware left (§7.5.3.16), as sim-pcie CompletionTimeoutControl
 * models them.
 */
@Doc("Completion Timeout programmability (DevCap2) and the DevCtl2 value firmware left")
public record CompletionTimeoutSetting(
        @Doc("DevCap2 Completion Timeout Ranges Supported (empty: not programmable, the default range only)")
        List<CompletionTimeoutRange> rangesSupported,
        @Doc(value = "DevCap2 Completion Timeout Disable Supported", dflt = "false") boolean disableSupported,
        @Doc(value = "DevCtl2 Completion Timeout Value at power-on (needs its range in rangesSupported)", dflt = "default")
        CompletionTimeoutValue value,
        @Doc(value = "DevCtl2 Completion Timeout Disable at power-on (needs disableSupported)", dflt = "false") boolean disabled) {

    public CompletionTimeoutSetting {
        rangesSupported = List.copyOf(rangesSupported);
    }

    /** The DevCap2 Ranges Supported bits. */
    public int rangeBits() {
        int bits = 0;
        for (CompletionTimeoutRange r : rangesSupported) {
            bits |= r.bit();
        }
        return bits;
    }
}
