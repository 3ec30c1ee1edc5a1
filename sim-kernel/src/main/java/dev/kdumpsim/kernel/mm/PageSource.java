package dev.kdumpsim.kernel.mm;

/** Where a kernel gets physical pages for DMA buffers, page tables and SMMU structures. */
@FunctionalInterface
public interface PageSource {
    /** {@code size} bytes aligned to {@code align} (a power of two). */
    long allocate(long size, long align);
}
