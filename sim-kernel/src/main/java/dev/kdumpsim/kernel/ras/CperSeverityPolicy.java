package dev.kdumpsim.kernel.ras;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.SpecNamed;

/**
 * Which CPER severity platform firmware gives an uncorrectable PCIe error it took first: firmware
 * policy, not architecture. The 2018 report's firmware reported a Malformed TLP whose AER severity
 * bit said Fatal (severity 0x00062011) as recoverable (the kernel printed cper_print_aer's lines and
 * lived); other firmware follows the device's severity register or escalates every uncorrectable error.
 */
@KernelApi
public enum CperSeverityPolicy implements SpecNamed {
    /** The device's AER Uncorrectable Error Severity for the first error: fatal -> CPER fatal, else recoverable. */
    FROM_AER_SEVERITY("from-aer-severity", "the device's AER Uncorrectable Error Severity bit of the first error: Fatal -> fatal, else recoverable"),
    /** Every uncorrectable error as recoverable. */
    RECOVERABLE("recoverable", "every uncorrectable error as recoverable (the 2018 platform: its Fatal Malformed TLP came out as cper_print_aer lines)"),
    /** Every uncorrectable error as fatal. */
    FATAL("fatal", "every uncorrectable error as fatal: the kdump kernel panics (\"Fatal hardware error!\")");

    private final String specName;
    private final String description;

    CperSeverityPolicy(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    /** The name scenario files use ({@code platform.ras.cperSeverity}). */
    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String description() {
        return description;
    }

    /** The record's severity for an error whose first AER bit is {@code aerFatal}. */
    public CperSeverity severity(boolean aerFatal) {
        return switch (this) {
            case FROM_AER_SEVERITY -> aerFatal ? CperSeverity.FATAL : CperSeverity.RECOVERABLE;
            case RECOVERABLE -> CperSeverity.RECOVERABLE;
            case FATAL -> CperSeverity.FATAL;
        };
    }
}
