package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * Writes stage-1 AArch64 translation tables into {@link PhysicalMemory}, as Linux's
 * {@code io-pgtable-arm.c} ({@code arm_lpae_map}/{@code arm_lpae_unmap}) does for a DMA domain:
 * page-granule leaf entries, tables allocated on demand through a callback (the kernel model
 * decides where they live, e.g. inside the crashkernel region).
 *
 * <p>Software-side helper: the SMMU model never calls it, it only walks what it wrote.
 */
public final class Stage1PageTableBuilder {

    /** Supplies the PA of a fresh, granule-sized, granule-aligned table. */
    @FunctionalInterface
    public interface TableAllocator {
        long allocateTable(long sizeBytes);
    }

    private final PhysicalMemory mem;
    private final int agent;
    private final TranslationGranule granule;
    private final int inputBits;
    private final TableAllocator allocator;
    private final long root;

    /**
     * @param inputBits VA size (64 - T0SZ), e.g. 48 for Linux's default, 32 minimum here
     */
    public Stage1PageTableBuilder(PhysicalMemory mem, int agent, TranslationGranule granule, int inputBits,
            TableAllocator allocator) {
        if (inputBits < 25 || inputBits > 48) {
            throw new IllegalArgumentException("inputBits must be 25..48, got " + inputBits);
        }
        this.mem = mem;
        this.agent = agent;
        this.granule = granule;
        this.inputBits = inputBits;
        this.allocator = allocator;
        this.root = newTable();
    }

    /** PA of the first-level table: the CD's TTB0. */
    public long root() {
        return root;
    }

    public TranslationGranule granule() {
        return granule;
    }

    public int inputBits() {
        return inputBits;
    }

    /** Maps {@code size} bytes (whole pages) at {@code iova} to {@code pa}. */
    public void map(long iova, long pa, long size, boolean writable) {
        long page = granule.pageSize();
        if (((iova | pa | size) & (page - 1)) != 0) {
            throw new IllegalArgumentException("iova, pa and size must be " + page + "-byte aligned");
        }
        for (long off = 0; off < size; off += page) {
            mem.writeLong(agent, leafSlot(iova + off, true), Stage1Descriptor.page(pa + off, writable));
        }
    }

    /** Clears the leaf entries for {@code size} bytes at {@code iova} (tables are kept, as io-pgtable does). */
    public void unmap(long iova, long size) {
        for (long off = 0; off < size; off += granule.pageSize()) {
            long slot = leafSlot(iova + off, false);
            if (slot >= 0) {
                mem.writeLong(agent, slot, 0);
            }
        }
    }

    /** Address of the level-3 descriptor for {@code va}, creating tables if {@code create}; -1 if absent. */
    private long leafSlot(long va, boolean create) {
        if (inputBits < 64 && (va >>> inputBits) != 0) {
            throw new IllegalArgumentException("IOVA 0x" + Long.toHexString(va) + " beyond " + inputBits + "-bit input");
        }
        long table = root;
        int indexBits = granule.bitsPerLevel();
        for (int level = granule.startLevel(inputBits); level < 3; level++) {
            long slot = table + 8 * ((va >>> granule.levelShift(level)) & ((1L << indexBits) - 1));
            long d = mem.readLong(agent, slot);
            if (!Stage1Descriptor.isValid(d)) {
                if (!create) {
                    return -1;
                }
                long next = newTable();
                mem.writeLong(agent, slot, Stage1Descriptor.table(next));
                table = next;
            } else {
                table = Stage1Descriptor.address(d, granule);
            }
        }
        return table + 8 * ((va >>> granule.pageShift()) & ((1L << indexBits) - 1));
    }

    private long newTable() {
        long size = granule.pageSize();
        long pa = allocator.allocateTable(size);
        if ((pa & (size - 1)) != 0) {
            throw new IllegalStateException("table allocator returned unaligned 0x" + Long.toHexString(pa));
        }
        mem.write(agent, pa, new byte[(int) size]); // zeroed, as io-pgtable's __arm_lpae_alloc_pages
        return pa;
    }
}
