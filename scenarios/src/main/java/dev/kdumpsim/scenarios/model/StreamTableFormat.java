package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.core.SpecNamed;

/** SMMU_STRTAB_BASE_CFG.FMT (SMMUv3 spec 6.3.24): how the stream table is laid out. */
public enum StreamTableFormat implements SpecNamed {
    LINEAR("linear", "one STE array indexed by StreamID"),
    TWO_LEVEL("2-level", "L1 descriptors pointing to L2 STE tables (split 8, as Linux uses)");

    private final String specName;
    private final String description;

    StreamTableFormat(String specName, String description) {
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
