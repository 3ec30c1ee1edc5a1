package dev.kdumpsim.pcie;

import dev.kdumpsim.core.Translation;

/**
 * Where the root complex sends a posted write to the interrupt address range 0xFEEx_xxxx (an MSI
 * on x86) instead of translating it as DMA: the interrupt-remapping side of an IOMMU (VT-d 3.14,
 * 5.1: such requests are interrupt requests, remapped or blocked, never DMA-remapped).
 *
 * <p>The outcome uses the DMA port's {@link Translation}: {@code translated} when the interrupt
 * was remapped to a CPU, {@code bypassed} when it passed through untranslated (remapping off, or a
 * compatibility-format interrupt allowed), {@code aborted(reason, recorded, latency)} when it was
 * blocked (the write is dropped).
 */
public interface InterruptRequestHandler {

    /** First address of the interrupt range 0xFEE0_0000-0xFEEF_FFFF. */
    long INTERRUPT_RANGE_BASE = 0xfee0_0000L;

    /** Whether a write to {@code address} is an interrupt request. */
    static boolean isInterruptAddress(long address) {
        return (address & ~0xf_ffffL) == INTERRUPT_RANGE_BASE;
    }

    /**
     * One interrupt request.
     *
     * @param sourceId the requester ID (bus &lt;&lt; 8 | devfn), one-to-one on VT-d platforms
     * @param address the MSI address written
     * @param data the MSI data (the write's 32-bit payload)
     * @param out reused outcome, returned
     */
    Translation interruptRequest(int sourceId, long address, int data, Translation out);
}
