package dev.kdumpsim.kernel.smmu;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.iommu.IoPageTable;
import dev.kdumpsim.smmuv3.Stage1PageTableBuilder;
import dev.kdumpsim.smmuv3.TranslationGranule;

/**
 * io-pgtable-arm's AArch64 stage-1 format (drivers/iommu/io-pgtable-arm.c) in simulated memory,
 * through sim-smmuv3's {@link Stage1PageTableBuilder}; tables come from the kernel's pages.
 */
final class Stage1IoPageTable implements IoPageTable {

    private final Stage1PageTableBuilder builder;

    Stage1IoPageTable(KernelContext k, long granuleBytes, int inputBits) {
        TranslationGranule g = granuleBytes == 65536 ? TranslationGranule.GRANULE_64K : TranslationGranule.GRANULE_4K;
        this.builder = new Stage1PageTableBuilder(k.memory(), k.cpuAgent(), g, inputBits,
                size -> k.pages().allocate(size, size));
    }

    @Override
    public void map(long iova, long pa, long length, boolean writable) {
        builder.map(iova, pa, length, writable);
    }

    @Override
    public long granule() {
        return builder.granule().pageSize();
    }

    @Override
    public long root() {
        return builder.root();
    }

    TranslationGranule translationGranule() {
        return builder.granule();
    }
}
