package dev.kdumpsim.kernel.iova;

import java.util.ArrayList;
import java.util.List;

/**
 * The IOVA range caches of drivers/iommu/iova.c: for each order below
 * {@code IOVA_RANGE_CACHE_MAX_SIZE} (6), per CPU a {@code loaded} and a {@code prev} magazine of
 * {@code IOVA_MAG_SIZE} pfns, plus a depot of full magazines shared by all CPUs.
 *
 * <p>Freed ranges stay in the rbtree while cached ("magazines" of Bonwick and Adams, USENIX
 * 2001); {@code iova_magazine_pop} takes the most recently pushed pfn that fits under the limit,
 * so same-order frees are reused LIFO.
 */
final class IovaRcache {

    /** {@code IOVA_RANGE_CACHE_MAX_SIZE}: log2 of the largest cached size in pages, plus one. */
    static final int RANGE_CACHE_MAX_SIZE = 6;

    private static final class Magazine {
        final long[] pfns;
        int size;

        Magazine(int capacity) {
            pfns = new long[capacity];
        }
    }

    private final IovaDomain domain;
    private final int magSize;
    private final int maxDepot;
    private final Magazine[][] loaded;
    private final Magazine[][] prev;
    private final List<List<Magazine>> depot = new ArrayList<>();

    IovaRcache(IovaDomain domain, int cpus) {
        this.domain = domain;
        this.magSize = domain.policy().magazineSize();
        this.maxDepot = domain.policy().maxGlobalMagazines();
        loaded = new Magazine[RANGE_CACHE_MAX_SIZE][cpus];
        prev = new Magazine[RANGE_CACHE_MAX_SIZE][cpus];
        for (int order = 0; order < RANGE_CACHE_MAX_SIZE; order++) {
            depot.add(new ArrayList<>());
            for (int cpu = 0; cpu < cpus; cpu++) {
                loaded[order][cpu] = new Magazine(magSize);
                prev[order][cpu] = new Magazine(magSize);
            }
        }
    }

    /** {@code order_base_2(n)}: ceil(log2(n)). */
    static int orderBase2(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    /**
     * {@code iova_rcache_insert} / {@code __iova_rcache_insert}: push {@code pfn} into this CPU's
     * loaded magazine; if full swap with prev; if both full move loaded to the depot (v4.19: if
     * the depot already holds {@code MAX_GLOBAL_MAGS}, free that magazine's pfns to the tree).
     *
     * @return false when the size is too large to cache (caller frees to the tree)
     */
    boolean insert(int cpu, long pfn, long size) {
        int order = orderBase2(size);
        if (order >= RANGE_CACHE_MAX_SIZE) {
            return false;
        }
        Magazine l = loaded[order][cpu];
        if (l.size == magSize) {
            Magazine p = prev[order][cpu];
            if (p.size < magSize) {
                prev[order][cpu] = l;
                loaded[order][cpu] = p;
            } else {
                List<Magazine> d = depot.get(order);
                if (d.size() < maxDepot) {
                    d.add(l);
                } else {
                    freePfns(l); // mag_to_free
                }
                loaded[order][cpu] = new Magazine(magSize);
            }
        }
        IovaNode node = domain.find(pfn);
        if (node == null) {
            throw new IllegalStateException("free of unallocated IOVA pfn 0x" + Long.toHexString(pfn));
        }
        domain.setState(node, IovaRange.State.CACHED);
        Magazine m = loaded[order][cpu];
        m.pfns[m.size++] = pfn;
        return true;
    }

    /**
     * {@code iova_rcache_get(iovad, size, limit_pfn)} with the exclusive {@code limit_pfn}:
     * a cached pfn {@code <= limit_pfn - size}, or 0.
     */
    long get(int cpu, long size, long limitPfnExclusive) {
        int order = orderBase2(size);
        if (order >= RANGE_CACHE_MAX_SIZE) {
            return 0;
        }
        long limit = limitPfnExclusive - size;
        Magazine l = loaded[order][cpu];
        boolean hasPfn = false;
        if (l.size > 0) {
            hasPfn = true;
        } else if (prev[order][cpu].size > 0) {
            loaded[order][cpu] = prev[order][cpu];
            prev[order][cpu] = l;
            hasPfn = true;
        } else {
            List<Magazine> d = depot.get(order);
            if (!d.isEmpty()) {
                loaded[order][cpu] = d.remove(d.size() - 1); // the empty loaded one is freed
                hasPfn = true;
            }
        }
        if (!hasPfn) {
            return 0;
        }
        Magazine m = loaded[order][cpu];
        // iova_magazine_pop: "Only fall back to the rbtree if we have no suitable pfns at all"
        int i = m.size - 1;
        while (m.pfns[i] > limit) {
            if (i == 0) {
                return 0;
            }
            i--;
        }
        long pfn = m.pfns[i];
        m.pfns[i] = m.pfns[--m.size];
        domain.setState(domain.find(pfn), IovaRange.State.ALLOCATED);
        return pfn;
    }

    /** {@code free_cpu_cached_iovas}: return this CPU's loaded and prev magazines to the tree. */
    void flushCpu(int cpu) {
        for (int order = 0; order < RANGE_CACHE_MAX_SIZE; order++) {
            freePfns(loaded[order][cpu]);
            freePfns(prev[order][cpu]);
        }
    }

    /** {@code free_global_cached_iovas} (v5.11+): empty every depot into the tree. */
    void flushDepot() {
        for (List<Magazine> d : depot) {
            while (!d.isEmpty()) {
                freePfns(d.remove(d.size() - 1));
            }
        }
    }

    int cpus() {
        return loaded[0].length;
    }

    /** Number of full magazines in the depot of {@code order}. */
    int depotSize(int order) {
        return depot.get(order).size();
    }

    /** {@code iova_magazine_free_pfns}. */
    private void freePfns(Magazine m) {
        for (int i = 0; i < m.size; i++) {
            IovaNode node = domain.find(m.pfns[i]);
            if (node != null) {
                domain.remove(node);
            }
        }
        m.size = 0;
    }
}
