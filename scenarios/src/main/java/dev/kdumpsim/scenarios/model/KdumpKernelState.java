package dev.kdumpsim.scenarios.model;

/** How the kdump kernel ended the run (sim-kernel's verdict KdumpKernelState). */
public enum KdumpKernelState implements SpecName {
    ALIVE("alive", "it ran to the end of the run (whether or not the dump was saved)"),
    PANICKED("panicked", "it called panic(): a fatal hardware error, an SError or an unhandled abort"),
    HUNG("hung", "it stopped making progress: a boot phase or the dump write never finished");

    private final String specName;
    private final String description;

    KdumpKernelState(String specName, String description) {
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
