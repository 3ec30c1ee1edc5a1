package dev.kdumpsim.scenarios.model;

/** A mitigation of the stale-DMA problem: an early quiesce, an IOVA reservation or an orderly kexec (docs/model-kernel.md). */
public enum Mitigation implements SpecName {
    IOVA_RESERVE_CRASHKERNEL("iova-reserve-crashkernel", "kernel #1's IOVA allocator never hands out IOVAs inside the crashkernel range"),
    FLR_ALL("flr-all", "Function Level Reset of every FLR-capable endpoint early in kdump boot, before the SMMU probe"),
    SBR_ALL("sbr-all", "Secondary Bus Reset below every root port early in kdump boot, before the SMMU probe"),
    CLEAR_BME_ALL("clear-bme-all", "clear Bus Master Enable of every endpoint early in kdump boot, before the SMMU probe"),
    KEXEC_NORMAL("kexec-normal", "orderly kexec instead of a crash: drivers shut down, BME cleared, SMMU disabled before the jump");

    private final String specName;
    private final String description;

    Mitigation(String specName, String description) {
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
