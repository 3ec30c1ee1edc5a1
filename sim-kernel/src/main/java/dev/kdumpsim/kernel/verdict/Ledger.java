package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.core.LongHashMap;
import dev.kdumpsim.core.MemoryRegion;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.kernel.mm.MemoryRoles;
import dev.kdumpsim.pcie.DmaFate;
import dev.kdumpsim.pcie.DmaTransaction;
import dev.kdumpsim.pcie.DmaTransactionObserver;
import java.util.Arrays;

/**
 * Gives every DMA transaction exactly one {@link LedgerFate} and keeps what the verdict needs:
 * the first write into the crashkernel region from work the kdump kernel does not own, counts of
 * writes onto live and free kdump memory, and the kernel #1 pages written between the panic and
 * the vmcore capture (tainted dump pages). Runs on the transaction path: no allocation except
 * the first time a page is tainted.
 */
public final class Ledger implements DmaTransactionObserver {

    private static final byte UNKNOWN = 0;
    private static final byte KERNEL1 = 1;
    private static final byte LIVE = 2;
    private static final byte FREE = 3;
    private static final byte OTHER = 4;

    private final long[] fates = new long[LedgerFate.values().length];
    private final long[] writes = new long[LedgerFate.values().length];
    private final boolean[] kdumpOwned = new boolean[1 << 16];
    private byte[] regionClass = new byte[64];
    private final LongHashMap<Boolean> taintedPages = new LongHashMap<>(1024);
    // pages tainted lately, direct-mapped by page number: a device rewrites the same few hundred
    // buffer pages, and each rewrite then skips the probe of the map of every tainted page
    private static final int RECENT_BITS = 12;
    private final long[] recentTainted = new long[1 << RECENT_BITS];
    private long panicNs = Long.MAX_VALUE;
    private long captureNs = Long.MAX_VALUE;
    private long liveWrites;
    private long freeWrites;
    private Corruption first;

    /** Regions are classified lazily, by role, the first time a transaction lands in them. */
    public Ledger() {
        Arrays.fill(recentTainted, -1L);
    }

    /** The panic happened now: later writes into kernel #1 memory taint the dump. */
    public void panicAt(long timeNs) {
        panicNs = timeNs;
    }

    /** The vmcore was read: later writes no longer change it. */
    public void capturedAt(long timeNs) {
        captureNs = Math.min(captureNs, timeNs);
    }

    /** The kdump kernel's driver has taken the function over: its DMA from now on is legitimate. */
    public void markKdumpOwned(int requesterId) {
        kdumpOwned[requesterId & 0xffff] = true;
    }

    /** The transaction record the root complex carries from the endpoint: one fate each. */
    @Override
    public void onDmaTransaction(DmaTransaction t) {
        onTransaction(t.timeNs(), t.requesterId(), t.isWrite(), t.iova(), t.fate(), t.physicalAddress(), t.region());
    }

    /** One transaction's fields (tests feed these directly). */
    void onTransaction(long timeNs, int requesterId, boolean write, long address, DmaFate fate, long physicalAddress,
            MemoryRegion region) {
        LedgerFate f;
        switch (fate) {
            case TRANSLATED: {
                byte c = classOf(region);
                boolean stale = (c == LIVE || c == FREE) && !kdumpOwned[requesterId & 0xffff];
                f = stale ? LedgerFate.TRANSLATED_STALE_INTO_KDUMP : LedgerFate.TRANSLATED;
                if (write) {
                    landed(c, timeNs, requesterId, address, physicalAddress, region, f, stale);
                }
                break;
            }
            case BYPASSED: {
                byte c = classOf(region);
                f = c == LIVE ? LedgerFate.BYPASSED_CRASHKERNEL_LIVE : c == FREE ? LedgerFate.BYPASSED_CRASHKERNEL_FREE
                        : c == KERNEL1 ? LedgerFate.BYPASSED_KERNEL1 : LedgerFate.BYPASSED_NO_MEMORY;
                if (write) {
                    landed(c, timeNs, requesterId, address, physicalAddress, region, f, !kdumpOwned[requesterId & 0xffff]);
                }
                break;
            }
            case ABORTED_WITH_EVENT: f = LedgerFate.ABORTED_WITH_EVENT; break;
            case ABORTED_SILENT: f = LedgerFate.ABORTED_SILENT; break;
            case BLOCKED_BME: f = LedgerFate.BLOCKED_BME; break;
            case DISCARDED_RESET: f = LedgerFate.DISCARDED_RESET; break;
            default: f = LedgerFate.DISCARDED_LINK_DOWN; break;
        }
        fates[f.ordinal()]++;
        if (write) {
            writes[f.ordinal()]++;
        }
    }

    private void landed(byte c, long timeNs, int requesterId, long address, long pa, MemoryRegion region, LedgerFate f,
            boolean stray) {
        if (c == KERNEL1) {
            if (timeNs >= panicNs && timeNs < captureNs) {
                long pfn = pa >>> PhysicalMemory.PAGE_SHIFT;
                int r = (int) pfn & ((1 << RECENT_BITS) - 1);
                if (recentTainted[r] != pfn) {
                    recentTainted[r] = pfn;
                    if (taintedPages.get(pfn) == null) {
                        taintedPages.put(pfn, Boolean.TRUE);
                    }
                }
            }
            return;
        }
        if ((c != LIVE && c != FREE) || !stray) {
            return;
        }
        if (c == LIVE) {
            liveWrites++;
        } else {
            freeWrites++;
        }
        if (first == null) {
            first = new Corruption(timeNs, region.role(), region.name(), requesterId, address, pa, f);
        }
    }

    private byte classOf(MemoryRegion region) {
        if (region == null) {
            return OTHER;
        }
        int id = region.id();
        if (id >= regionClass.length) {
            regionClass = Arrays.copyOf(regionClass, Math.max(id + 1, regionClass.length * 2));
        }
        byte c = regionClass[id];
        if (c == UNKNOWN) {
            c = switch (region.role()) {
                case MemoryRoles.KERNEL1 -> KERNEL1;
                case MemoryRoles.LIVE_KDUMP -> LIVE;
                case MemoryRoles.FREE_KDUMP -> FREE;
                default -> OTHER;
            };
            regionClass[id] = c;
        }
        return c;
    }

    public long count(LedgerFate f) {
        return fates[f.ordinal()];
    }

    public long writes(LedgerFate f) {
        return writes[f.ordinal()];
    }

    public long total() {
        long s = 0;
        for (long v : fates) {
            s += v;
        }
        return s;
    }

    /** Stray writes onto live kdump memory. */
    public long liveWrites() {
        return liveWrites;
    }

    /** Stray writes onto free crashkernel memory. */
    public long freeWrites() {
        return freeWrites;
    }

    /** The first stray write into the crashkernel region, or null. */
    public Corruption firstCorruption() {
        return first;
    }

    /** Kernel #1 pages written by DMA between the panic and the capture. */
    public int taintedPages() {
        return taintedPages.size();
    }
}
