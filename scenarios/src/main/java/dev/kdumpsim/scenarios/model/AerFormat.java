package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.core.SpecNamed;

/** How the kdump kernel prints AER errors. */
public enum AerFormat implements SpecNamed {
    FIRMWARE_FIRST("firmware-first", "GHES/CPER cper_print_aer lines as in the 2018 report (aer_status, names, aer_layer, aer_uncor_severity, TLP Header)"),
    NATIVE("native", "v4.19+ native AER: 'AER: PCIe Bus Error: severity=...', status/mask, '[18] MalfTLP (First)', TLP Header");

    private final String specName;
    private final String description;

    AerFormat(String specName, String description) {
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
