package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.kernel.api.SpecNamed;

/** What a timeline action does. */
public enum ActionKind implements SpecNamed {
    PANIC("panic", "kernel #1 panics: __crash_kexec, machine_crash_shutdown, the kdump kernel boots"),
    FLR("flr", "Function Level Reset of device (PCIe 6.6.2)"),
    SBR("sbr", "Secondary Bus Reset of the bus below device's upstream port (or below device if it is a port)"),
    CONFIG_WRITE("config-write", "write value (width bytes) at config-space offset of device"),
    RUN_UNTIL("run-until", "stop the simulation at this time");

    private final String specName;
    private final String description;

    ActionKind(String specName, String description) {
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
