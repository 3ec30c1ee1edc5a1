package dev.kdumpsim.kernel.version;

/**
 * arm64 {@code reserve_crashkernel()}'s placement rule (arch/arm64/mm/init.c; kernel/crash_core.c
 * {@code reserve_crashkernel_generic()} from 6.7). Read at 4.19, 5.19.9, 6.1.20, 6.6.9, 6.8 and 6.12;
 * 5.18 from the pre-image of the 5.19 rework, 6.2-6.4 from the pre-image of 6.5's change.
 */
public enum CrashkernelPlacement {
    /**
     * 4.19: {@code memblock_find_in_range(0, ARCH_LOW_ADDRESS_LIMIT, size, SZ_2M)} with the
     * inclusive limit {@code arm64_dma_phys_limit - 1}; {@code ,high}/{@code ,low} ignored.
     */
    V4_19_INCLUSIVE_LIMIT,
    /** 5.5 ("arm64: mm: reserve CMA and crashkernel in ZONE_DMA32"): the search ends at the exclusive DMA limit. */
    V5_5_EXCLUSIVE_LIMIT,
    /**
     * 5.15 (a7259df76702, "memblock: make memblock_find_in_range method private"):
     * {@code memblock_phys_alloc_range(size, SZ_2M, crash_base, crash_max)}; a fixed base that
     * cannot be had says "cannot allocate crashkernel (size:0x%llx)" like any other failure.
     */
    V5_15_PHYS_ALLOC_RANGE,
    /**
     * 5.19 (944a45abfabc): {@code crashkernel=X,high} anywhere below {@code PHYS_MASK + 1}
     * (top-down), with {@code crashkernel=Y,low} below the DMA limit when the main region is above
     * it; no default low size; plain {@code crashkernel=X} does not fall back.
     */
    V5_19_HIGH_LOW,
    /**
     * 6.2 (a9ae89df7377, a149cf00b158): a 128 MiB default low size for {@code ,high}; plain
     * {@code crashkernel=X} retries anywhere with a 128 MiB low region when the DMA zone is full.
     */
    V6_2_FALLBACK,
    /**
     * 6.5 (6c4dcaddbd36): {@code ,high} searches from 4 GiB and falls back below the DMA limit;
     * {@code crashkernel=X} falls back to [DMA limit, top); a failed fixed base says "crashkernel
     * reservation failed - memory is in use.".
     */
    V6_5_HIGH_FROM_4G,
    /** 6.7 (fdc268232dbb, reserve_crashkernel_generic): {@code ,high} searches from the DMA limit again. */
    V6_7_GENERIC;

    /** Whether the search ends at the exclusive DMA limit (every rule from 5.5). */
    public boolean exclusiveLimit() {
        return this != V4_19_INCLUSIVE_LIMIT;
    }

    /** Whether {@code ,high}/{@code ,low} are understood (5.19 on). */
    public boolean highLow() {
        return ordinal() >= V5_19_HIGH_LOW.ordinal();
    }
}
