package dev.kdumpsim.kernel.iova;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogLevel;
import java.util.List;

/**
 * The DMA-API view of one IOVA domain: {@code iommu_dma_alloc_iova}/{@code iommu_dma_free_iova}
 * of drivers/iommu/dma-iommu.c on top of {@code alloc_iova_fast}/{@code free_iova_fast} of
 * drivers/iommu/iova.c (rcache first, then the rbtree, then one retry after flushing the
 * caches).
 *
 * <p>Policy, from {@code iommu_dma_alloc_iova}: the length in granules is rounded up to a power
 * of two when below {@code 1 << (IOVA_RANGE_CACHE_MAX_SIZE - 1)} = 32 pages ("Freeing
 * non-power-of-two-sized allocations back into the IOVA caches will come back to bite us
 * badly"); {@code dma_limit} is clipped to the aperture; "Try to get PCI devices a SAC address":
 * a PCI device with a limit above 4 GiB first tries below 4 GiB (without flushing the caches),
 * unless {@code iommu.forcedac} (v5.13+); with {@link IovaPolicy#pci32BitLatch()} (v6.4+) one
 * failure stops the device trying and logs {@code Using %d-bit DMA addresses}. Strict mode only:
 * the non-strict flush queue ({@code queue_iova}) is not modelled.
 */
public final class IovaAllocator {

    private static final long DMA_BIT_MASK_32 = 0xFFFF_FFFFL;

    private final IovaDomain domain;
    private final IovaRcache rcache;
    private final long apertureEnd;
    private final boolean forcedac;
    private final IovaDevice defaultPci = new IovaDevice("", true);
    private final IovaDevice defaultPlatform = new IovaDevice("", false);
    private KernelLog log;
    private long allocations;
    private long rcacheHits;
    private long failures;
    private long frees;

    /**
     * @param domain      the IOVA space
     * @param cpus        CPUs with their own rcache magazines (the kdump kernel runs nr_cpus=1)
     * @param apertureEnd {@code domain->geometry.aperture_end} (inclusive), e.g. {@code 2^ias - 1}
     * @param forcedac    the {@code iommu.forcedac} boot option
     */
    public IovaAllocator(IovaDomain domain, int cpus, long apertureEnd, boolean forcedac) {
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be >= 1: " + cpus);
        }
        this.domain = domain;
        this.rcache = new IovaRcache(domain, cpus);
        this.apertureEnd = apertureEnd;
        this.forcedac = forcedac;
    }

    /**
     * {@code iommu_dma_init_domain(domain, base, size, dev)}: granule from the page-size bitmap,
     * {@code base_pfn = max(1, base >> order)}.
     */
    public static IovaAllocator forDmaDomain(long granule, long baseIova, IovaPolicy policy, int cpus,
                                             long apertureEnd, boolean forcedac) {
        int shift = Long.numberOfTrailingZeros(granule);
        IovaDomain d = new IovaDomain(granule, Math.max(1L, baseIova >>> shift), policy);
        return new IovaAllocator(d, cpus, apertureEnd, forcedac);
    }

    /** Log the v6.4+ "Using %d-bit DMA addresses" notice here. */
    public void logTo(KernelLog kernelLog) {
        this.log = kernelLog;
    }

    public IovaDomain domain() {
        return domain;
    }

    /** {@code allocate(bytes, dmaLimit, isPci)} on CPU 0 for this domain's single device. */
    public long allocate(long bytes, long dmaLimit, boolean isPci) {
        return allocate(isPci ? defaultPci : defaultPlatform, bytes, dmaLimit, 0);
    }

    /**
     * {@code iommu_dma_alloc_iova(domain, size, dma_limit, dev)}.
     *
     * @param bytes    mapping length (rounded up to the granule, as {@code iova_align} does)
     * @param dmaLimit the device's DMA mask (inclusive), e.g. {@code 2^64-1} or {@code 2^32-1}
     * @return the IOVA, or -1 when the space is exhausted (the caller returns DMA_MAPPING_ERROR)
     */
    public long allocate(IovaDevice dev, long bytes, long dmaLimit, int cpu) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("DMA mapping size must be positive: " + bytes);
        }
        int shift = domain.shift();
        long iovaLen = (bytes + domain.granule() - 1) >>> shift;
        if (iovaLen < (1L << (IovaRcache.RANGE_CACHE_MAX_SIZE - 1))) {
            iovaLen = roundUpPowerOfTwo(iovaLen);
        }
        long limit = Long.compareUnsigned(dmaLimit, apertureEnd) > 0 ? apertureEnd : dmaLimit;
        long pfn = 0;
        boolean tryLow = Long.compareUnsigned(limit, DMA_BIT_MASK_32) > 0 && dev.pci() && !forcedac
                && (!domain.policy().pci32BitLatch() || dev.pci32BitWorkaround());
        if (tryLow) {
            pfn = allocIovaFast(iovaLen, DMA_BIT_MASK_32 >>> shift, false, cpu);
            if (pfn == 0 && domain.policy().pci32BitLatch()) {
                dev.stopPci32BitWorkaround();
                if (log != null) {
                    log.devPrintk(LogLevel.NOTICE, dev.devPrefix(), "Using %d-bit DMA addresses\n",
                            64 - Long.numberOfLeadingZeros(limit));
                }
            }
        }
        if (pfn == 0) {
            pfn = allocIovaFast(iovaLen, limit >>> shift, true, cpu);
        }
        if (pfn == 0) {
            failures++;
            return -1;
        }
        allocations++;
        return pfn << shift;
    }

    /** {@code alloc_iova_fast}: rcache, then the tree, then flush and retry once if allowed. */
    private long allocIovaFast(long size, long limitPfn, boolean flushRcache, int cpu) {
        long pfn = rcache.get(cpu, size, limitPfn + 1);
        if (pfn != 0) {
            rcacheHits++;
            return pfn;
        }
        while (true) {
            pfn = domain.allocIova(size, limitPfn);
            if (pfn != 0 || !flushRcache) {
                return pfn;
            }
            flushRcache = false; // "Try replenishing IOVAs by flushing rcache."
            for (int c = 0; c < rcache.cpus(); c++) {
                rcache.flushCpu(c);
            }
            if (domain.policy().flushDepotOnRetry()) {
                rcache.flushDepot();
            }
        }
    }

    /** {@code iommu_dma_free_iova} on CPU 0. */
    public void free(long iova, long bytes) {
        free(iova, bytes, 0);
    }

    /**
     * {@code iommu_dma_free_iova} → {@code free_iova_fast(iovad, iova_pfn(iova), size >> shift)}:
     * into this CPU's rcache if the order is cacheable, else back to the tree.
     */
    public void free(long iova, long bytes, int cpu) {
        long pfn = iova >>> domain.shift();
        IovaNode node = domain.find(pfn);
        if (node == null || node.pfnLo != pfn || node.state != IovaRange.State.ALLOCATED) {
            throw new IllegalArgumentException(String.format(
                    "free of IOVA 0x%x that is not the start of an allocated range", iova));
        }
        long pages = (bytes + domain.granule() - 1) >>> domain.shift();
        frees++;
        if (!rcache.insert(cpu, pfn, pages)) {
            domain.freeIova(pfn);
        }
    }

    /** {@code reserve_iova(iovad, iova_pfn(start), iova_pfn(end - 1))} for an IOVA range. */
    public void reserve(AddressRange range) {
        int shift = domain.shift();
        domain.reserveIova(range.base() >>> shift, range.last() >>> shift);
    }

    /**
     * {@code iova_reserve_pci_windows}: each host-bridge memory window, translated to bus
     * addresses ({@code res->start - offset}), is reserved so no IOVA aliases a peer BAR.
     */
    public void reservePciWindow(AddressRange cpuWindow, long busOffset) {
        reserve(new AddressRange(cpuWindow.base() - busOffset, cpuWindow.size()));
    }

    /**
     * {@code iova_reserve_iommu_regions}: reserves every reported region except
     * {@code IOMMU_RESV_SW_MSI} ("We ARE the software that manages these!": in a DMA domain the
     * MSI doorbell page is allocated from the normal IOVA space by {@code iommu_dma_get_msi_page}).
     */
    public void reserveRegions(List<ReservedRegion> regions) {
        for (ReservedRegion r : regions) {
            if (r.type() != ReservedRegion.Type.SW_MSI) {
                reserve(r.range());
            }
        }
    }

    /** Allocated, reserved and cached ranges in address order. */
    public List<IovaRange> ranges() {
        return domain.ranges();
    }

    /** Lowest IOVA held by a driver or the rcache, or -1. */
    public long lowestIovaInUse() {
        return domain.lowestIovaInUse();
    }

    public long allocations() {
        return allocations;
    }

    public long rcacheHits() {
        return rcacheHits;
    }

    public long failures() {
        return failures;
    }

    public long frees() {
        return frees;
    }

    /** Full magazines waiting in the depot for {@code order} (tests, reports). */
    public int depotMagazines(int order) {
        return rcache.depotSize(order);
    }

    static long roundUpPowerOfTwo(long n) {
        return n <= 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    }
}
