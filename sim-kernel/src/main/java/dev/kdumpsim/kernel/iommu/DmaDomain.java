package dev.kdumpsim.kernel.iommu;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.iova.IovaAllocator;
import dev.kdumpsim.kernel.iova.IovaDevice;

/**
 * An IOMMU DMA domain as drivers/iommu/dma-iommu.c sees it: one IOVA space
 * ({@link IovaAllocator}) and one page table in the IOMMU model's format ({@link IoPageTable}),
 * reached through one per-domain context (an SMMUv3 context descriptor with its ASID, a VT-d
 * domain ID and second-level table) at {@link #contextAddress()}. A multi-function
 * device without ACS is one IOMMU group and shares one domain (drivers/iommu/iommu.c
 * {@code pci_device_group}), so its functions share IOVAs.
 */
public final class DmaDomain {

    /** A 64-bit DMA mask ({@code dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64))}). */
    public static final long DMA_MASK_64 = -1L;

    private final String name;
    private final int asid;
    private final IovaAllocator iova;
    private final IoPageTable pageTable;
    private final long contextAddress;
    private long mappedBytes;

    public DmaDomain(String name, int asid, IovaAllocator iova, IoPageTable pageTable, long contextAddress) {
        this.name = name;
        this.asid = asid;
        this.iova = iova;
        this.pageTable = pageTable;
        this.contextAddress = contextAddress;
    }

    public String name() {
        return name;
    }

    /** The domain's hardware tag: the SMMUv3 ASID, the VT-d domain ID. */
    public int asid() {
        return asid;
    }

    public IovaAllocator iova() {
        return iova;
    }

    /**
     * PA of the per-domain structure the IOMMU's stream/context entries point at (SMMUv3: the
     * context descriptor, S1ContextPtr with S1CDMax = 0).
     */
    public long contextAddress() {
        return contextAddress;
    }

    public long granule() {
        return pageTable.granule();
    }

    /**
     * {@code dma_map_single}/{@code dma_alloc_coherent} through dma-iommu: an IOVA from the
     * allocator (top-down, PCI below 4 GiB first), then {@code iommu_map} of the whole pages.
     *
     * @return the IOVA, or -1 when the IOVA space is exhausted (DMA_MAPPING_ERROR)
     */
    public long map(IovaDevice dev, long pa, long size, boolean writable) {
        long g = granule();
        long len = (size + g - 1) & -g;
        long v = iova.allocate(dev, size, DMA_MASK_64, 0);
        if (v < 0) {
            return -1;
        }
        pageTable.map(v, pa & -g, len, writable);
        mappedBytes += len;
        return v + (pa & (g - 1));
    }

    /** {@code reserve_iova}: an IOVA range this domain never hands out. */
    public void reserve(AddressRange range) {
        iova.reserve(range);
    }

    public long mappedBytes() {
        return mappedBytes;
    }
}
