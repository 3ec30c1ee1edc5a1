package dev.kdumpsim.kernel.iommu;

/**
 * An IOMMU page table in simulated memory as the DMA API drives it ({@code iommu_map} /
 * {@code iommu_unmap} through the domain's io-pgtable ops). Each IOMMU model has its own format
 * (SMMUv3 stage 1: io-pgtable-arm's AArch64 long descriptors; VT-d: second-level tables); the
 * DMA domain above it does not know which.
 */
public interface IoPageTable {

    /** Maps {@code [iova, iova + length)} to {@code [pa, pa + length)}; both granule-aligned. */
    void map(long iova, long pa, long length, boolean writable);

    /** The translation granule (the IOMMU page size) in bytes. */
    long granule();

    /** Physical address of the table's root (what a context descriptor or context entry points at). */
    long root();
}
