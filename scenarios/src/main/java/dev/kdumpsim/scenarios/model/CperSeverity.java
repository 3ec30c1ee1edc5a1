package dev.kdumpsim.scenarios.model;

/** Which CPER severity firmware that owns AER gives an uncorrectable PCIe error (sim-kernel CperSeverityPolicy). */
public enum CperSeverity implements SpecName {
    FROM_AER_SEVERITY("from-aer-severity", "the device's AER Uncorrectable Error Severity bit of the first error: Fatal -> fatal, else recoverable"),
    RECOVERABLE("recoverable", "every uncorrectable error as recoverable (the 2018 platform: its Fatal Malformed TLP came out as cper_print_aer lines)"),
    FATAL("fatal", "every uncorrectable error as fatal: the kdump kernel panics (\"Fatal hardware error!\")");

    private final String specName;
    private final String description;

    CperSeverity(String specName, String description) {
        this.specName = specName;
        this.description = description;
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
