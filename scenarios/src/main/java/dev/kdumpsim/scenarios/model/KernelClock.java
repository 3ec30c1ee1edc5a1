package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.core.SpecNamed;

/** Which kernel's log clock a timeline time is measured on. */
public enum KernelClock implements SpecNamed {
    FIRST("first", "kernel #1's clock, from its boot"),
    KDUMP("kdump", "the kdump kernel's clock, from its boot (restarts at 0)");

    private final String specName;
    private final String description;

    KernelClock(String specName, String description) {
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
