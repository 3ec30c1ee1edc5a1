package dev.kdumpsim.kernel.version;

/** How arm-smmu-v3 sizes its command and event queues ({@code arm_smmu_init_one_queue}). */
public enum SmmuQueueSizing {
    /** 4.x: {@code EVTQ_MAX_SZ_SHIFT 7}, {@code CMDQ_MAX_SZ_SHIFT 8}, capped by IDR1; nothing printed. */
    FIXED_SHIFT,
    /**
     * d25f6ead162e: queues as large as IDR1 allows, up to {@code PAGE_SHIFT + CONFIG_CMA_ALIGNMENT}
     * bytes ({@code Q_MAX_SZ_SHIFT}), halving until the allocation succeeds; prints
     * "allocated %u entries for %s".
     */
    CMA_SIZED,
    /** The one-page limit: {@code Q_MAX_SZ_SHIFT = PAGE_SHIFT} (4K pages: 128 events, 256 commands). */
    ONE_PAGE
}
