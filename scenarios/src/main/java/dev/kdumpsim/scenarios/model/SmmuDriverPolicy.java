package dev.kdumpsim.scenarios.model;

/** The arm-smmu-v3 driver behaviour a kernel runs (sources in docs/kernel-versions.md and docs/model-kernel.md). */
public enum SmmuDriverPolicy implements SpecName {
    V4_16("arm-smmu-v3@4.16", "reset: CR0:=0 with GBPA untouched (bypass if GBPA.ABORT=0), EVTQ on, disable_bypass=false"),
    V4_19("arm-smmu-v3@4.19", "kdump: GBPA abort, disable, probe fails -EBUSY (commit b63b3439)"),
    V5_2("arm-smmu-v3@5.2", "GBPA abort before disable, full reset, EVTQ/PRIQ off in kdump (commit 3f54c447)"),
    KDUMP_ADOPT("arm-smmu-v3@kdump-adopt", "keep SMMUEN, adopt the old stream table and reserve its ASIDs, defer attach (2026 series as of v10, under review)"),
    KDUMP_ADOPT_V7("arm-smmu-v3@kdump-adopt-v7", "the kdump-adopt series at v7: no ASID reservation, so new domains can share TLB entries with adopted ones"),
    FRESH_TABLES_NO_RESET("fresh-tables-no-reset", "keep translation on and install all-invalid tables (proposal in the 2018 thread)");

    private final String specName;
    private final String description;

    SmmuDriverPolicy(String specName, String description) {
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

    /** The policy written {@code name}. */
    public static SmmuDriverPolicy bySpec(String name) {
        for (SmmuDriverPolicy p : values()) {
            if (p.specName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not an arm-smmu-v3 policy: " + name);
    }
}
