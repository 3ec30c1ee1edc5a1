package dev.kdumpsim.vtd;

/**
 * The interrupt-remapping side of a DMAR unit (VT-d 5.1), which the DMA {@code Iommu} port does
 * not cover: an endpoint's MSI is a posted memory write of 32-bit data to 0xFEEx_xxxx, and the
 * root complex hands such writes here instead of translating them as DMA (VT-d 3.14: untranslated
 * requests without PASID to the interrupt address range are interrupt requests).
 */
public interface InterruptRemapper {

    /** First address of the interrupt range 0xFEE0_0000-0xFEEF_FFFF. */
    long INTERRUPT_RANGE_BASE = 0xfee0_0000L;

    /** Whether a DMA write to {@code address} is an interrupt request rather than memory traffic. */
    static boolean isInterruptAddress(long address) {
        return (address & ~0xf_ffffL) == INTERRUPT_RANGE_BASE;
    }

    /**
     * Remaps (or passes through, or blocks) one interrupt request.
     *
     * @param sourceId requester-id of the writer (bus &lt;&lt; 8 | devfn)
     * @param address the MSI address (compatibility or remappable format, 5.1.2)
     * @param data the MSI data
     * @param out receives the outcome; reused by the caller, returned for chaining
     * @return {@code out}
     */
    RemappedInterrupt remapInterrupt(int sourceId, long address, int data, RemappedInterrupt out);
}
