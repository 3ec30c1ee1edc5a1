package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * The first DMA write that landed in the crashkernel region from work the kdump kernel does not
 * own.
 *
 * @param timeNs simulation time
 * @param role {@code live-kdump-data} or {@code free-kdump-memory}
 * @param region name of the innermost memory region hit
 * @param requesterId the function that wrote (BDF)
 * @param address the address the device used (IOVA)
 * @param physicalAddress where it landed
 * @param fate how it got there
 */
@KernelApi
public record Corruption(long timeNs, String role, String region, int requesterId, long address, long physicalAddress,
        LedgerFate fate) {
}
