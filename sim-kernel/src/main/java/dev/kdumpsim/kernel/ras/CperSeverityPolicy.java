package dev.kdumpsim.kernel.ras;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * Which CPER severity platform firmware gives an uncorrectable PCIe error it took first: firmware
 * policy, not architecture. The 2018 report's firmware reported a Malformed TLP whose AER severity
 * bit said Fatal (severity 0x00062011) as recoverable (the kernel printed cper_print_aer's lines and
 * lived); other firmware follows the device's severity register or escalates every uncorrectable error.
 */
@KernelApi
public enum CperSeverityPolicy {
    /** The device's AER Uncorrectable Error Severity for the first error: fatal -> CPER fatal, else recoverable. */
    FROM_AER_SEVERITY("from-aer-severity"),
    /** Every uncorrectable error as recoverable. */
    RECOVERABLE("recoverable"),
    /** Every uncorrectable error as fatal. */
    FATAL("fatal");

    private final String specName;

    CperSeverityPolicy(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
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
