package dev.kdumpsim.kernel.version;

/** arm64 {@code reserve_crashkernel()}'s placement rule. */
public enum CrashkernelPlacement {
    /**
     * v4.19 arch/arm64/mm/init.c: {@code memblock_find_in_range(0, ARCH_LOW_ADDRESS_LIMIT, size,
     * SZ_2M)} with the inclusive limit {@code arm64_dma_phys_limit - 1}; {@code ,high}/{@code ,low}
     * ignored.
     */
    V4_19_INCLUSIVE_LIMIT,
    /**
     * v5.19: {@code memblock_phys_alloc_range(size, CRASH_ALIGN, crash_base, crash_max)} with the
     * exclusive {@code CRASH_ADDR_LOW_MAX = arm64_dma_phys_limit}; {@code crashkernel=X,high}
     * reserves anywhere, plus a low region.
     */
    V5_19_EXCLUSIVE_LIMIT
}
