package dev.kdumpsim.core;

/**
 * The port through which a bus asks for the translation of one upstream memory access.
 *
 * <p>The PCIe root complex calls it for every DMA request; the SMMUv3 model implements it.
 * Implementations fill the caller's {@link Translation} and must not keep a reference to it.
 */
public interface Iommu {

    /** No IOMMU at all: every access goes straight to its address. */
    Iommu NONE = (streamId, address, write, size, out) -> out.bypassed(address, 0);

    /**
     * Translates one access.
     *
     * @param streamId the requester's StreamID (after any requester-ID mapping)
     * @param address the input (I/O virtual) address
     * @param write true for a write, false for a read
     * @param size the access size in bytes
     * @param out receives the outcome; returned for chaining
     * @return {@code out}
     */
    Translation translate(int streamId, long address, boolean write, int size, Translation out);
}
