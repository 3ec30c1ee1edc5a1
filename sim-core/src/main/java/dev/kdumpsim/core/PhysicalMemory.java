package dev.kdumpsim.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A sparse 64-bit physical address space with named regions and full access accounting.
 *
 * <p>Memory is kept in 4 KiB pages created on first access; a page gets a data buffer only when
 * written, so a 2 GiB region nobody touches costs nothing but its region record. Reading bytes
 * nobody wrote returns zero (DRAM contents are not modelled beyond what the run wrote). A DMA
 * fill of 64 bytes or more is recorded as a pending fill of its page and written out only when
 * something reads it ({@link MemoryPage}), so a DMA write costs the same whatever its length;
 * what every read returns is unchanged by that.
 *
 * <p>Every access names an <em>agent</em> (a device's StreamID-based name, "smmu", "kdump
 * kernel", ...; see {@link #registerAgent}) and is accounted per page and per innermost region
 * with count, bytes, first/last agent and time. DMA payload is modelled as a fill pattern: real
 * bytes land in memory, so a stray write over an SMMU stream table really changes what the
 * SMMU reads next.
 *
 * <p>Accesses are split at page boundaries; PCIe requests never cross a 4 KiB boundary (PCIe
 * Base Spec r6.0 §2.2.7), so the device path touches one page per transaction.
 */
public final class PhysicalMemory {

    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final long PAGE_MASK = PAGE_SIZE - 1;

    private final Simulation sim;
    private final LongHashMap<MemoryPage> pages = new LongHashMap<>(1024);
    // direct-mapped page cache in front of the map: a device cycles through a few hundred pages
    // (descriptor ring, buffers, completion ring), which then cost a lookup in two small arrays
    // instead of a probe of a map holding every page ever touched (a cache miss at 10^5 pages)
    private static final int CACHE_BITS = 10;
    private final long[] cachedPfn = filled(1 << CACHE_BITS, -1L);
    private final MemoryPage[] cachedPage = new MemoryPage[1 << CACHE_BITS];
    private final List<MemoryRegion> regions = new ArrayList<>();
    private final List<AccessStats> regionStats = new ArrayList<>();
    private final List<String> agents = new ArrayList<>();
    private final AccessStats unmappedStats = new AccessStats();

    // flattened, non-overlapping view: segment i covers [segStart[i], segStart[i+1]) -> innermost region id or -1
    private long[] segStart = {0};
    private int[] segRegion = {-1};
    private int lastSeg;

    public PhysicalMemory(Simulation sim) {
        this.sim = sim;
    }

    // ---- agents ----------------------------------------------------------------------------

    /** Registers an accessor name and returns its id (the same id if already registered). */
    public int registerAgent(String name) {
        int i = agents.indexOf(name);
        if (i >= 0) {
            return i;
        }
        agents.add(name);
        return agents.size() - 1;
    }

    /** Name of agent {@code id}, or "-" for none. */
    public String agentName(int id) {
        return id < 0 ? "-" : agents.get(id);
    }

    // ---- regions ---------------------------------------------------------------------------

    /**
     * Adds a region. It must lie wholly inside or wholly outside every existing region; a
     * partial overlap is a modelling error.
     */
    public MemoryRegion addRegion(String name, long base, long size, String owner, String role) {
        AddressRange r = new AddressRange(base, size);
        int parent = -1;
        long parentSize = Long.MAX_VALUE;
        for (MemoryRegion m : regions) {
            if (m.name().equals(name)) {
                throw new IllegalArgumentException("duplicate region name " + name);
            }
            if (!m.range().overlaps(r)) {
                continue;
            }
            if (m.range().contains(r)) {
                if (m.size() < parentSize) {
                    parent = m.id();
                    parentSize = m.size();
                }
            } else if (!r.contains(m.range())) {
                throw new IllegalArgumentException("region " + name + " " + r + " partly overlaps " + m.name() + " " + m.range());
            }
        }
        MemoryRegion region = new MemoryRegion(regions.size(), name, r, owner, role, parent);
        regions.add(region);
        regionStats.add(new AccessStats());
        rebuildSegments();
        return region;
    }

    /** All regions in creation order. */
    public List<MemoryRegion> regions() {
        return Collections.unmodifiableList(regions);
    }

    /** The region named {@code name}, or null. */
    public MemoryRegion region(String name) {
        for (MemoryRegion m : regions) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** The innermost region holding {@code address}, or null. */
    public MemoryRegion regionAt(long address) {
        int id = regionIdAt(address);
        return id < 0 ? null : regions.get(id);
    }

    /** Accounting of accesses whose innermost region is {@code region} (not its children). */
    public AccessStats stats(MemoryRegion region) {
        return regionStats.get(region.id());
    }

    /** Accounting of accesses to addresses in no region. */
    public AccessStats unmappedStats() {
        return unmappedStats;
    }

    /** Whether {@code region} is {@code ancestor} or lies (transitively) inside it. */
    public boolean isWithin(MemoryRegion region, MemoryRegion ancestor) {
        for (MemoryRegion r = region; r != null; r = r.parentId() < 0 ? null : regions.get(r.parentId())) {
            if (r.id() == ancestor.id()) {
                return true;
            }
        }
        return false;
    }

    // ---- accesses ------------------------------------------------------------------------

    /**
     * A device (or any bus master) writes {@code length} bytes at {@code address}; the bytes are
     * {@code pattern}'s little-endian bytes repeated. Returns the innermost region of the first
     * byte, or null if unmapped.
     */
    public MemoryRegion dmaWrite(int agent, long address, int length, long pattern) {
        MemoryRegion first = null;
        long a = address;
        long remaining = length;
        while (remaining > 0) {
            int chunk = (int) Math.min(remaining, PAGE_SIZE - (a & PAGE_MASK));
            MemoryPage p = page(a >>> PAGE_SHIFT);
            p.fill((int) (a & PAGE_MASK), chunk, pattern);
            MemoryRegion r = account(p, a, agent, chunk, true);
            if (first == null) {
                first = r;
            }
            a += chunk;
            remaining -= chunk;
        }
        return first;
    }

    /** A bus master reads {@code length} bytes (accounted only). Returns the innermost region or null. */
    public MemoryRegion dmaRead(int agent, long address, int length) {
        MemoryRegion first = null;
        long a = address;
        long remaining = length;
        while (remaining > 0) {
            int chunk = (int) Math.min(remaining, PAGE_SIZE - (a & PAGE_MASK));
            MemoryRegion r = account(page(a >>> PAGE_SHIFT), a, agent, chunk, false);
            if (first == null) {
                first = r;
            }
            a += chunk;
            remaining -= chunk;
        }
        return first;
    }

    /** Stores {@code src} at {@code address} (software or a table walker), accounted to {@code agent}. */
    public void write(int agent, long address, byte[] src) {
        int done = 0;
        long a = address;
        while (done < src.length) {
            int chunk = Math.min(src.length - done, PAGE_SIZE - (int) (a & PAGE_MASK));
            MemoryPage p = page(a >>> PAGE_SHIFT);
            int off = (int) (a & PAGE_MASK);
            System.arraycopy(src, done, p.writable(off, off + chunk), off, chunk);
            account(p, a, agent, chunk, true);
            a += chunk;
            done += chunk;
        }
    }

    /** Loads {@code dst.length} bytes from {@code address}, accounted to {@code agent}. */
    public void read(int agent, long address, byte[] dst) {
        int done = 0;
        long a = address;
        while (done < dst.length) {
            int chunk = Math.min(dst.length - done, PAGE_SIZE - (int) (a & PAGE_MASK));
            MemoryPage p = page(a >>> PAGE_SHIFT);
            int off = (int) (a & PAGE_MASK);
            byte[] data = p.readable(off, off + chunk);
            if (data == null) {
                Arrays.fill(dst, done, done + chunk, (byte) 0);
            } else {
                System.arraycopy(data, off, dst, done, chunk);
            }
            account(p, a, agent, chunk, false);
            a += chunk;
            done += chunk;
        }
    }

    /** Stores a little-endian 64-bit value (8-byte aligned, as every SMMU structure field is). */
    public void writeLong(int agent, long address, long value) {
        requireAligned(address);
        MemoryPage p = page(address >>> PAGE_SHIFT);
        int off = (int) (address & PAGE_MASK);
        byte[] data = p.writable(off, off + 8);
        for (int i = 0; i < 8; i++) {
            data[off + i] = (byte) (value >>> (i << 3));
        }
        account(p, address, agent, 8, true);
    }

    /** Loads a little-endian 64-bit value (8-byte aligned). */
    public long readLong(int agent, long address) {
        requireAligned(address);
        MemoryPage p = page(address >>> PAGE_SHIFT);
        account(p, address, agent, 8, false);
        return longAt(p, (int) (address & PAGE_MASK));
    }

    /** Reads a 64-bit value without accounting (for reports and debugging views). */
    public long peekLong(long address) {
        requireAligned(address);
        MemoryPage p = pages.get(address >>> PAGE_SHIFT);
        return p == null ? 0 : longAt(p, (int) (address & PAGE_MASK));
    }

    private static long longAt(MemoryPage p, int off) {
        byte[] data = p.readable(off, off + 8);
        if (data == null) {
            return 0;
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (data[off + i] & 0xffL);
        }
        return v;
    }

    // ---- page views ------------------------------------------------------------------------

    /** Accounting for the page holding {@code address}, or null if never accessed. */
    public AccessStats pageStats(long address) {
        MemoryPage p = pages.get(address >>> PAGE_SHIFT);
        return p == null ? null : p.stats;
    }

    /** Base addresses of every page ever accessed, ascending. */
    public long[] touchedPages() {
        long[] pfns = pages.sortedKeys();
        for (int i = 0; i < pfns.length; i++) {
            pfns[i] <<= PAGE_SHIFT;
        }
        return pfns;
    }

    /** Number of pages ever accessed. */
    public int touchedPageCount() {
        return pages.size();
    }

    /** Number of pages holding data (the memory the model really uses). */
    public int backedPageCount() {
        int n = 0;
        for (long pfn : pages.sortedKeys()) {
            if (pages.get(pfn).backed()) {
                n++;
            }
        }
        return n;
    }

    // ---- internals -------------------------------------------------------------------------

    private MemoryPage page(long pfn) {
        int c = (int) pfn & ((1 << CACHE_BITS) - 1);
        if (cachedPfn[c] == pfn) {
            return cachedPage[c];
        }
        MemoryPage p = pages.get(pfn);
        if (p == null) {
            p = new MemoryPage();
            pages.put(pfn, p);
        }
        cachedPfn[c] = pfn;
        cachedPage[c] = p;
        return p;
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        Arrays.fill(a, v);
        return a;
    }

    private MemoryRegion account(MemoryPage p, long address, int agent, int bytes, boolean write) {
        long t = sim.now();
        int id = regionIdAt(address);
        AccessStats rs = id < 0 ? unmappedStats : regionStats.get(id);
        if (write) {
            p.stats.recordWrite(agent, t, bytes);
            rs.recordWrite(agent, t, bytes);
        } else {
            p.stats.recordRead(agent, t, bytes);
            rs.recordRead(agent, t, bytes);
        }
        return id < 0 ? null : regions.get(id);
    }

    private int regionIdAt(long address) {
        int s = lastSeg;
        long[] starts = segStart;
        if (address >= starts[s] && (s + 1 == starts.length || address < starts[s + 1])) {
            return segRegion[s];
        }
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= address) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lastSeg = lo;
        return segRegion[lo];
    }

    private void rebuildSegments() {
        long[] bounds = new long[regions.size() * 2 + 1];
        int n = 0;
        bounds[n++] = 0;
        for (MemoryRegion m : regions) {
            bounds[n++] = m.base();
            bounds[n++] = m.range().end();
        }
        long[] sorted = Arrays.stream(bounds, 0, n).sorted().distinct().toArray();
        int[] owner = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            long a = sorted[i];
            int best = -1;
            long bestSize = Long.MAX_VALUE;
            for (MemoryRegion m : regions) {
                if (m.contains(a) && m.size() < bestSize) {
                    best = m.id();
                    bestSize = m.size();
                }
            }
            owner[i] = best;
        }
        segStart = sorted;
        segRegion = owner;
        lastSeg = 0;
    }

    private static void requireAligned(long address) {
        if ((address & 7) != 0) {
            throw new IllegalArgumentException("unaligned 64-bit access at 0x" + Long.toHexString(address));
        }
    }
}
