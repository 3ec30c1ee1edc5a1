package dev.kdumpsim.pcie;

import dev.kdumpsim.core.MemoryRegion;
import dev.kdumpsim.pcie.tlp.CompletionStatus;

/**
 * One DMA transaction as it travels from the requesting function through the bridges, the
 * IOMMU and memory, filled once along the way and handed, when its fate is decided, to every
 * {@link DmaTransactionObserver}. The root complex reuses a single instance for every
 * transaction (nothing is allocated on the path), so an observer must read what it needs during
 * the call and keep no reference; {@link #copy} makes a detached copy when one is really needed.
 *
 * <p>Fields that do not apply hold sentinels: {@code physicalAddress} -1 when nothing was
 * accessed, {@code region} null when nothing was accessed or the PA is unmapped, {@code eventId}
 * 0 when no IOMMU event was raised, {@code completion} null for posted writes and for reads that
 * get no completion (blocked or discarded in the function, or an abort the platform never
 * answers, which ends in the requester's Completion Timeout).
 */
public final class DmaTransaction {

    private int requesterId;
    private int streamId;
    private long iova;
    private long physicalAddress;
    private boolean write;
    private int length;
    private DmaFate fate;
    private CompletionStatus completion;
    private int eventId;
    private long timeNs;
    // region as last accessed; meaningful only while accessed is set (see begin)
    private MemoryRegion region;
    private boolean accessed;

    DmaTransaction() {
    }

    /** Starts a transaction as it leaves {@code requesterId}: nothing decided yet. */
    DmaTransaction begin(int rid, int sid, boolean isWrite, long address, int bytes) {
        requesterId = rid;
        streamId = sid;
        write = isWrite;
        iova = address;
        length = bytes;
        physicalAddress = -1;
        // reference fields are stored only when they change (a reference store is a GC write
        // barrier, with a store-load fence under G1): region is hidden by the flag instead of
        // cleared, fate and completion are set by decided() before any observer sees the record
        accessed = false;
        eventId = 0;
        timeNs = 0;
        return this;
    }

    /** The memory access was performed at {@code pa} ({@code r} the innermost region, or null). */
    DmaTransaction accessed(long pa, MemoryRegion r) {
        physicalAddress = pa;
        accessed = true;
        if (region != r) {
            region = r;
        }
        return this;
    }

    /** The fate, the IOMMU event (0 if none), the completion the requester gets (null if none), when. */
    DmaTransaction decided(DmaFate f, int event, CompletionStatus cpl, long now) {
        if (fate != f) {
            fate = f;
        }
        eventId = event;
        if (completion != cpl) {
            completion = cpl;
        }
        timeNs = now;
        return this;
    }

    /** The issuing function's BDF (Requester ID). */
    public int requesterId() {
        return requesterId;
    }

    /** The StreamID the requester ID maps to (computed once, on the root complex's path). */
    public int streamId() {
        return streamId;
    }

    /** The address the device used (IOVA, or PA when the IOMMU bypasses). */
    public long iova() {
        return iova;
    }

    /** The PA accessed, or -1 when nothing was accessed. */
    public long physicalAddress() {
        return physicalAddress;
    }

    /** True for a memory write (incl. MSI), false for a read. */
    public boolean isWrite() {
        return write;
    }

    /** Bytes. */
    public int length() {
        return length;
    }

    public DmaFate fate() {
        return fate;
    }

    /** The completion the requester gets for a read (SC, UR or CA), or null (none / posted write). */
    public CompletionStatus completion() {
        return completion;
    }

    /** The IOMMU event id for an abort, 0 if none. */
    public int eventId() {
        return eventId;
    }

    /** When the fate was decided. */
    public long timeNs() {
        return timeNs;
    }

    /** Innermost memory region accessed, or null. Immutable and shared: may be kept. */
    public MemoryRegion region() {
        return accessed ? region : null;
    }

    /** A detached copy (allocates; not for the hot path). */
    public DmaTransaction copy() {
        DmaTransaction c = new DmaTransaction();
        c.begin(requesterId, streamId, write, iova, length);
        if (accessed) {
            c.accessed(physicalAddress, region);
        }
        c.decided(fate, eventId, completion, timeNs);
        return c;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %s rid=%s sid=0x%x iova=0x%x pa=0x%x len=%d ev=0x%x cpl=%s t=%d",
                fate, write ? "W" : "R", Bdf.format(requesterId), streamId, iova, physicalAddress, length, eventId,
                completion, timeNs);
    }
}
