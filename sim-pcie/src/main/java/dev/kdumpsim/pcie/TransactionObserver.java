package dev.kdumpsim.pcie;

import dev.kdumpsim.core.MemoryRegion;

/**
 * Receives the fate of every DMA transaction, synchronously and without any allocation on the
 * caller's side. Implementations must not keep references beyond the call except to
 * {@code region}, which is an immutable shared record.
 *
 * <p>Superseded by {@link DmaTransactionObserver}, which gets the same facts (and the completion
 * status) as one {@link DmaTransaction}; the root complex adapts this form onto it.
 */
public interface TransactionObserver {

    /**
     * @param timeNs when the fate was decided
     * @param requesterId the issuing function's BDF
     * @param streamId the StreamID the requester ID maps to
     * @param write true for a memory write (incl. MSI), false for a read
     * @param address the address the device used (IOVA)
     * @param length bytes
     * @param fate what happened
     * @param physicalAddress the PA accessed, or -1 when nothing was accessed
     * @param region innermost memory region hit, or null (nothing accessed, or unmapped memory)
     * @param eventId the IOMMU event id for an abort, 0 if none
     */
    void onTransaction(long timeNs, int requesterId, int streamId, boolean write, long address, int length,
            DmaFate fate, long physicalAddress, MemoryRegion region, int eventId);
}
