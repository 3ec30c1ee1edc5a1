package dev.kdumpsim.kernel.vtd;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.iommu.IoPageTable;
import dev.kdumpsim.vtd.SecondLevelPageTableBuilder;

/**
 * A DMA domain's VT-d second-level page table (drivers/iommu/intel/iommu.c
 * {@code __domain_mapping}: 4 KiB leaves with R and W per the mapping, tables with R|W) in
 * simulated memory, through sim-vtd's {@link SecondLevelPageTableBuilder}; tables come from the
 * kernel's pages. Not modelled: superpage mappings (the DMA API's mappings here are small).
 */
final class VtdIoPageTable implements IoPageTable {

    static final long PAGE = 4096;
    private final SecondLevelPageTableBuilder builder;

    VtdIoPageTable(KernelContext k, int agawBits) {
        this.builder = new SecondLevelPageTableBuilder(k.memory(), k.cpuAgent(), agawBits,
                () -> k.pages().allocate(PAGE, PAGE));
    }

    @Override
    public void map(long iova, long pa, long length, boolean writable) {
        builder.map(iova, pa, length, true, writable);
    }

    @Override
    public long granule() {
        return PAGE;
    }

    @Override
    public long root() {
        return builder.root();
    }

    int agawBits() {
        return builder.agawBits();
    }
}
