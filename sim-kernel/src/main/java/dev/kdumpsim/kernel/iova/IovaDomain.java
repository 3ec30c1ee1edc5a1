package dev.kdumpsim.kernel.iova;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One IOVA space: struct iova_domain of drivers/iommu/iova.c (rbtree of allocated ranges, the
 * anchor node, {@code cached_node}/{@code cached32_node}, {@code max32_alloc_size}).
 *
 * <p>The rbtree is a {@link TreeMap} keyed by {@code pfn_lo}; {@code rb_prev}/{@code rb_next}
 * are {@code lowerEntry}/{@code higherEntry}. The anchor ({@code IOVA_ANCHOR = ~0UL}) is kept as
 * {@code Long.MAX_VALUE} so signed comparisons stay exact (every pfn is below 2^52).
 *
 * <p>Allocation ({@link #allocIova}) follows {@code __alloc_and_insert_iova_range} of v5.11+
 * line by line: start at the cached node, walk backwards, {@code high_pfn = min(high_pfn,
 * curr->pfn_lo)}, {@code new_pfn = (high_pfn - size) & align_mask} with {@code align_mask <<=
 * fls_long(size - 1)}; the version switches of {@link IovaPolicy} turn the retry and the
 * {@code max32_alloc_size} fast-fail off for v4.19. Not modelled: the flush queue (non-strict
 * mode), {@code split_and_remove_iova}, {@code copy_reserved_iova}.
 */
final class IovaDomain {

    static final long ANCHOR = Long.MAX_VALUE;

    private final TreeMap<Long, IovaNode> tree = new TreeMap<>();
    private final IovaNode anchor = new IovaNode(ANCHOR, ANCHOR, IovaRange.State.RESERVED);
    private final IovaPolicy policy;
    private final long granule;
    private final int shift;
    private final long startPfn;
    private final long dma32BitPfn;
    private IovaNode cachedNode;
    private IovaNode cached32Node;
    private long max32AllocSize;
    private int allocatedNodes;
    private int cachedNodes;
    private int reservedNodes;

    /**
     * {@code init_iova_domain(iovad, granule, start_pfn)}.
     *
     * @param granule  IOVA granule in bytes (4 KiB or 64 KiB: {@code 1 << __ffs(pgsize_bitmap)})
     * @param startPfn lowest allocatable pfn; dma-iommu passes {@code max(1, base >> shift)} so
     *                 IOVA 0 is never handed out
     */
    public IovaDomain(long granule, long startPfn, IovaPolicy policy) {
        if (granule <= 0 || Long.bitCount(granule) != 1) {
            throw new IllegalArgumentException("granule must be a power of two: " + granule);
        }
        if (startPfn < 1) {
            throw new IllegalArgumentException("startPfn must be >= 1 (pfn 0 means failure): " + startPfn);
        }
        this.granule = granule;
        this.shift = Long.numberOfTrailingZeros(granule);
        this.startPfn = startPfn;
        this.policy = policy;
        this.dma32BitPfn = 1L << (32 - shift);
        this.max32AllocSize = dma32BitPfn;
        tree.put(ANCHOR, anchor);
        cachedNode = anchor;
        cached32Node = anchor;
    }

    public long granule() {
        return granule;
    }

    public int shift() {
        return shift;
    }

    public long startPfn() {
        return startPfn;
    }

    public IovaPolicy policy() {
        return policy;
    }

    /** {@code dma_32bit_pfn}: first pfn at or above 4 GiB. */
    public long dma32BitPfn() {
        return dma32BitPfn;
    }

    /**
     * {@code alloc_iova(iovad, size, limit_pfn, size_aligned=true)}: allocates {@code size} pages
     * at or below {@code limitPfn} (inclusive), top-down.
     *
     * @return the new {@code pfn_lo}, or 0 when the space is exhausted (-ENOMEM)
     */
    public long allocIova(long size, long limitPfn) {
        return allocAndInsert(size, limitPfn + 1, true);
    }

    /** {@code __alloc_and_insert_iova_range}; {@code limitPfn} is exclusive here as in the kernel. */
    private long allocAndInsert(long size, long limitPfn, boolean sizeAligned) {
        long alignMask = ~0L;
        if (sizeAligned) {
            alignMask <<= 64 - Long.numberOfLeadingZeros(size - 1); // fls_long(size - 1)
        }
        long highPfn = limitPfn;
        long lowPfn = startPfn;
        if (policy.max32AllocSize() && limitPfn <= dma32BitPfn && size >= max32AllocSize) {
            return 0; // iova32_full
        }
        IovaNode curr = limitPfn <= dma32BitPfn ? cached32Node : cachedNode; // __get_cached_rbnode
        long retryPfn = curr.pfnHi;
        long newPfn;
        while (true) {
            // "Walk the tree backwards"
            do {
                highPfn = Math.min(highPfn, curr.pfnLo);
                newPfn = (highPfn - size) & alignMask;
                Map.Entry<Long, IovaNode> e = tree.lowerEntry(curr.pfnLo);
                curr = e == null ? null : e.getValue();
            } while (curr != null && newPfn <= curr.pfnHi && newPfn >= lowPfn);

            if (highPfn < size || newPfn < lowPfn) {
                if (policy.retryFromTop() && lowPfn == startPfn && retryPfn < limitPfn) {
                    highPfn = limitPfn;
                    lowPfn = retryPfn + 1;
                    curr = findLimit(limitPfn);
                    continue;
                }
                if (policy.max32AllocSize()) {
                    max32AllocSize = size;
                }
                return 0;
            }
            break;
        }
        IovaNode node = new IovaNode(newPfn, newPfn + size - 1, IovaRange.State.ALLOCATED);
        insert(node);
        allocatedNodes++;
        // __cached_rbnode_insert_update
        if (node.pfnHi < dma32BitPfn) {
            cached32Node = node;
        } else {
            cachedNode = node;
        }
        return newPfn;
    }

    /**
     * {@code iova_find_limit}: above 4 GiB start at the anchor; else the lowest node whose
     * {@code pfn_hi >= limit_pfn} (the kernel's descent ends on that node or one whose walk
     * reaches the same gap first, so the allocation result is the same).
     */
    private IovaNode findLimit(long limitPfn) {
        if (limitPfn > dma32BitPfn) {
            return anchor;
        }
        Long from = tree.floorKey(limitPfn);
        for (IovaNode n : (from == null ? tree : tree.tailMap(from, true)).values()) {
            if (n.pfnHi >= limitPfn) {
                return n;
            }
        }
        return anchor;
    }

    private void insert(IovaNode node) {
        if (tree.putIfAbsent(node.pfnLo, node) != null) {
            throw new IllegalStateException("iova_insert_rbtree: duplicate pfn_lo 0x" + Long.toHexString(node.pfnLo));
        }
    }

    /** {@code private_find_iova}: the node containing {@code pfn}, or null. */
    IovaNode find(long pfn) {
        Map.Entry<Long, IovaNode> e = tree.floorEntry(pfn);
        if (e == null || e.getValue() == anchor || pfn > e.getValue().pfnHi) {
            return null;
        }
        return e.getValue();
    }

    /** {@code free_iova(iovad, pfn)}: removes the node containing {@code pfn} from the tree. */
    public boolean freeIova(long pfn) {
        IovaNode node = find(pfn);
        if (node == null) {
            return false;
        }
        remove(node);
        return true;
    }

    /** {@code remove_iova}: {@code __cached_rbnode_delete_update} then {@code rb_erase}. */
    void remove(IovaNode free) {
        IovaNode cached = cached32Node;
        if (free == cached || (free.pfnHi < dma32BitPfn && free.pfnLo >= cached.pfnLo)) {
            cached32Node = next(free);
        }
        if (free.pfnLo < dma32BitPfn) {
            max32AllocSize = dma32BitPfn;
        }
        cached = cachedNode;
        if (free.pfnLo >= cached.pfnLo) {
            cachedNode = next(free);
        }
        tree.remove(free.pfnLo);
        switch (free.state) {
            case ALLOCATED -> allocatedNodes--;
            case CACHED -> cachedNodes--;
            case RESERVED -> reservedNodes--;
        }
    }

    private IovaNode next(IovaNode node) {
        Map.Entry<Long, IovaNode> e = tree.higherEntry(node.pfnLo);
        return e == null ? anchor : e.getValue();
    }

    /** Moves a node between ALLOCATED and CACHED as the rcache takes and gives it. */
    void setState(IovaNode node, IovaRange.State state) {
        if (node.state == IovaRange.State.ALLOCATED) {
            allocatedNodes--;
        } else if (node.state == IovaRange.State.CACHED) {
            cachedNodes--;
        }
        node.state = state;
        if (state == IovaRange.State.ALLOCATED) {
            allocatedNodes++;
        } else if (state == IovaRange.State.CACHED) {
            cachedNodes++;
        }
    }

    /**
     * {@code reserve_iova(iovad, pfn_lo, pfn_hi)}: walks the tree from the first node, widens
     * overlapping nodes downwards ({@code __adjust_overlap_range}) and inserts what is left.
     * Like the kernel it does not touch the cached nodes.
     */
    public void reserveIova(long pfnLo, long pfnHi) {
        if (pfnLo > pfnHi || pfnLo < 0) {
            throw new IllegalArgumentException("reserve_iova: bad range 0x" + Long.toHexString(pfnLo)
                    + "-0x" + Long.toHexString(pfnHi));
        }
        boolean overlap = false;
        for (IovaNode node : new ArrayList<>(tree.values())) {
            if (node == anchor) {
                break;
            }
            if (pfnLo <= node.pfnHi && pfnHi >= node.pfnLo) {
                if (pfnLo < node.pfnLo) {
                    tree.remove(node.pfnLo);
                    node.pfnLo = pfnLo;
                    tree.put(node.pfnLo, node);
                }
                if (pfnHi > node.pfnHi) {
                    pfnLo = node.pfnHi + 1;
                }
                if (pfnLo >= node.pfnLo && pfnHi <= node.pfnHi) {
                    return;
                }
                overlap = true;
            } else if (overlap) {
                break;
            }
        }
        insert(new IovaNode(pfnLo, pfnHi, IovaRange.State.RESERVED));
        reservedNodes++;
    }

    /** Every node except the anchor, in address order. */
    public List<IovaRange> ranges() {
        List<IovaRange> out = new ArrayList<>(tree.size());
        for (IovaNode n : tree.values()) {
            if (n != anchor) {
                out.add(new IovaRange(n.pfnLo << shift, (n.pfnHi - n.pfnLo + 1) << shift, n.state));
            }
        }
        return out;
    }

    /** Lowest IOVA of a node that is ALLOCATED or CACHED (in use by a driver or its rcache), or -1. */
    public long lowestIovaInUse() {
        for (IovaNode n : tree.values()) {
            if (n != anchor && n.state != IovaRange.State.RESERVED) {
                return n.pfnLo << shift;
            }
        }
        return -1;
    }

    public int allocatedCount() {
        return allocatedNodes;
    }

    public int cachedCount() {
        return cachedNodes;
    }

    public int reservedCount() {
        return reservedNodes;
    }

    /** Current {@code max32_alloc_size} (pages); equals {@link #dma32BitPfn()} when unconstrained. */
    public long max32AllocSize() {
        return max32AllocSize;
    }
}
