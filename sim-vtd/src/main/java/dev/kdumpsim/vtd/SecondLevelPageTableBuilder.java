package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * Writes VT-d second-level page tables into {@link PhysicalMemory}, as Linux's
 * {@code drivers/iommu/intel/iommu.c} does for a DMA domain ({@code __domain_mapping} /
 * {@code pfn_to_dma_pte}: non-leaf entries get R|W, leaves the mapping's rights; tables are zeroed
 * 4 KiB pages from the caller's page source, e.g. inside the crashkernel region).
 *
 * <p>Software-side helper: the DMAR unit never calls it, it only walks what it wrote.
 */
public final class SecondLevelPageTableBuilder {

    /** Supplies the PA of a fresh 4 KiB-aligned page for a table. */
    @FunctionalInterface
    public interface PageSource {
        long allocatePage();
    }

    private static final long PAGE = 4096;
    private final PhysicalMemory mem;
    private final int agent;
    private final int agawBits;
    private final int levels;
    private final PageSource pages;
    private final long root;
    private final byte[] zeros = new byte[(int) PAGE];
    private int tablesAllocated;

    /**
     * @param agawBits 39 (3-level) or 48 (4-level); the context or PASID entry's AW must match
     */
    public SecondLevelPageTableBuilder(PhysicalMemory mem, int agent, int agawBits, PageSource pages) {
        ContextEntry.addressWidthOf(agawBits); // validates
        if (agawBits > 48) {
            throw new IllegalArgumentException("5-level tables are not modelled");
        }
        this.mem = mem;
        this.agent = agent;
        this.agawBits = agawBits;
        this.levels = (agawBits - 30) / 9 + 2; // AW + 2: 3 levels for 39 bits, 4 for 48
        this.pages = pages;
        this.root = newTable();
    }

    /** PA of the top-level table: the context entry's (or PASID entry's) SLPTPTR. */
    public long root() {
        return root;
    }

    public int agawBits() {
        return agawBits;
    }

    public int tablesAllocated() {
        return tablesAllocated;
    }

    /** Maps {@code size} bytes (whole 4 KiB pages) at {@code iova} to {@code pa} with 4 KiB leaves. */
    public void map(long iova, long pa, long size, boolean read, boolean write) {
        check(iova, pa, size, PAGE);
        for (long off = 0; off < size; off += PAGE) {
            mem.writeLong(agent, slot(iova + off, 1, true), SecondLevelEntry.leaf(pa + off, read, write));
        }
    }

    /** Maps with 2 MiB ({@code level} 2) or 1 GiB ({@code level} 3) superpage leaves (PS=1). */
    public void mapSuperpages(long iova, long pa, long size, int level, boolean read, boolean write) {
        if (level != 2 && level != 3) {
            throw new IllegalArgumentException("superpages are level 2 (2 MiB) or 3 (1 GiB)");
        }
        long step = 1L << (12 + 9 * (level - 1));
        check(iova, pa, size, step);
        for (long off = 0; off < size; off += step) {
            mem.writeLong(agent, slot(iova + off, level, true), SecondLevelEntry.superpage(pa + off, read, write));
        }
    }

    /** Clears the 4 KiB leaves for {@code size} bytes at {@code iova}; tables are kept (as dma_pte_clear_range). */
    public void unmap(long iova, long size) {
        for (long off = 0; off < size; off += PAGE) {
            long s = slot(iova + off, 1, false);
            if (s >= 0) {
                mem.writeLong(agent, s, 0);
            }
        }
    }

    /** Address of the entry for {@code iova} at {@code level}, making tables if {@code create}; -1 if absent. */
    public long slot(long iova, int level, boolean create) {
        if ((iova >>> agawBits) != 0) {
            throw new IllegalArgumentException("IOVA 0x" + Long.toHexString(iova) + " beyond " + agawBits + "-bit AGAW");
        }
        long table = root;
        for (int l = levels; l > level; l--) {
            long s = table + 8 * ((iova >>> (12 + 9 * (l - 1))) & 0x1ff);
            long e = mem.readLong(agent, s);
            if (!SecondLevelEntry.isPresent(e)) {
                if (!create) {
                    return -1;
                }
                long next = newTable();
                mem.writeLong(agent, s, SecondLevelEntry.table(next));
                table = next;
            } else if ((e & SecondLevelEntry.PS) != 0 && l <= 3) {
                throw new IllegalStateException("IOVA 0x" + Long.toHexString(iova) + " is inside a superpage");
            } else {
                table = e & ~0xfffL & ((1L << 52) - 1);
            }
        }
        return table + 8 * ((iova >>> (12 + 9 * (level - 1))) & 0x1ff);
    }

    private static void check(long iova, long pa, long size, long align) {
        if (((iova | pa | size) & (align - 1)) != 0) {
            throw new IllegalArgumentException("iova, pa and size must be " + align + "-byte aligned");
        }
    }

    private long newTable() {
        long pa = pages.allocatePage();
        if ((pa & (PAGE - 1)) != 0) {
            throw new IllegalStateException("page source returned unaligned 0x" + Long.toHexString(pa));
        }
        mem.write(agent, pa, zeros);
        tablesAllocated++;
        return pa;
    }
}
