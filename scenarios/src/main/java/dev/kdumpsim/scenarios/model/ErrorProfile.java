package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.core.SpecNamed;

/** How an endpoint reacts to error completions. */
public enum ErrorProfile implements SpecNamed {
    NORMAL("normal", "logs the completion status per PCIe spec and retries or gives up cleanly"),
    DEFECTIVE_COMPLETION("defective-completion", "mis-parses error completions as Malformed TLP (AER status bit 18), as the 2018 report's endpoint did");

    private final String specName;
    private final String description;

    ErrorProfile(String specName, String description) {
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
