package dev.kdumpsim.kernel.iova;

/**
 * Kernel-version switches of the IOVA allocator (drivers/iommu/iova.c) and of the allocation
 * policy in drivers/iommu/dma-iommu.c {@code iommu_dma_alloc_iova}.
 *
 * @param magazineSize        {@code IOVA_MAG_SIZE}: 128 up to v6.0, 127 since v6.1 ("change
 *                            IOVA_MAG_SIZE to 127 to save memory", so a magazine is 1024 bytes)
 * @param maxGlobalMagazines  depot capacity per order: {@code MAX_GLOBAL_MAGS} = 32 in v4.19
 *                            (include/linux/iova.h; when full the loaded magazine is freed back to
 *                            the rbtree); unbounded linked-list depot since v6.6 (its 100 ms
 *                            {@code iova_depot_work_func} trimming is time-based and not modelled)
 * @param max32AllocSize      v5.1+ {@code iovad->max32_alloc_size}: a failed 32-bit search of size
 *                            n makes later requests of size >= n fail fast until a 32-bit free
 * @param retryFromTop        v5.11+ {@code __alloc_and_insert_iova_range} retries once between
 *                            the cached node and {@code limit_pfn} ({@code retry_pfn},
 *                            {@code iova_find_limit}) before failing
 * @param flushDepotOnRetry   v5.11+ {@code alloc_iova_fast} also empties the depot
 *                            ({@code free_global_cached_iovas}) before its single retry
 * @param pci32BitLatch       v6.4+ dma-iommu.c: after one failed 32-bit attempt a device stops
 *                            trying ({@code dev->iommu->pci_32bit_workaround = false}) and the
 *                            kernel logs "Using %d-bit DMA addresses"
 */
public record IovaPolicy(int magazineSize, int maxGlobalMagazines, boolean max32AllocSize,
                         boolean retryFromTop, boolean flushDepotOnRetry, boolean pci32BitLatch) {

    /** Linux v4.19 (the 2018 report's era). */
    public static final IovaPolicy V4_19 = new IovaPolicy(128, 32, false, false, false, false);
    /** Linux v5.11 .. v6.0: max32_alloc_size, retry from top, depot flush on retry. */
    public static final IovaPolicy V5_11 = new IovaPolicy(128, 32, true, true, true, false);
    /** Linux v6.6+ (127-entry magazines, list depot, per-device 32-bit latch). */
    public static final IovaPolicy V6_6 = new IovaPolicy(127, Integer.MAX_VALUE, true, true, true, true);

    public IovaPolicy {
        if (magazineSize < 1) {
            throw new IllegalArgumentException("magazineSize must be >= 1: " + magazineSize);
        }
        if (maxGlobalMagazines < 0) {
            throw new IllegalArgumentException("maxGlobalMagazines must be >= 0: " + maxGlobalMagazines);
        }
    }

    /** Looks a preset up by kernel version name ("4.19", "5.11", "6.6"). */
    public static IovaPolicy forVersion(String version) {
        return switch (version) {
            case "4.19" -> V4_19;
            case "5.11" -> V5_11;
            case "6.6" -> V6_6;
            default -> throw new IllegalArgumentException("unknown IOVA policy version '" + version
                    + "'; expected one of 4.19, 5.11, 6.6");
        };
    }
}
