package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.core.SpecNamed;

/** The IOMMU page size the kernel's DMA domains use. */
public enum IovaGranule implements SpecNamed {
    G4K("4KiB", "4 KiB pages (arm64 4K kernel)"),
    G64K("64KiB", "64 KiB pages (arm64 64K kernel)");

    private final String specName;
    private final String description;

    IovaGranule(String specName, String description) {
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
