package dev.kdumpsim.kernel.iova;

/**
 * One node of an IOVA domain's rbtree as a report sees it: {@code [pfnLo, pfnHi]} inclusive
 * (struct iova), converted to bytes with the domain granule.
 *
 * @param base  first IOVA (bytes)
 * @param size  length in bytes
 * @param state what the node is: allocated to a driver, reserved, or freed into the rcache
 */
record IovaRange(long base, long size, State state) {

    /** Why a node is in the tree. */
    public enum State {
        /** Returned by {@code alloc_iova_fast} and not yet freed. */
        ALLOCATED,
        /** Inserted by {@code reserve_iova} (PCI windows, reserved regions). */
        RESERVED,
        /** Freed by {@code free_iova_fast} into a per-CPU or depot magazine: still in the tree. */
        CACHED
    }

    /** Exclusive end. */
    public long end() {
        return base + size;
    }

    @Override
    public String toString() {
        return String.format("[0x%x-0x%x %s]", base, base + size - 1, state);
    }
}
