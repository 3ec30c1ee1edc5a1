package dev.kdumpsim.kernel.driver;

/**
 * A driver bound to one endpoint function in one kernel.
 *
 * @param bdf the function
 * @param profile driver model
 * @param rings DMA queues; the model merges them into one ring of rings x ringEntries slots
 * @param ringEntries descriptors per ring
 * @param bufferBytes bytes the device writes per receive buffer (at most 4096)
 * @param iovaFootprintBytes IOVA space the driver maps in total: rings, then receive buffers
 *     (one mapping each) until the footprint is used
 * @param dmaRatePerSec DMA transactions per second in steady state (about 1/4 descriptor reads,
 *     3/8 buffer writes, 3/8 completion writes, plus one MSI per 32 completions)
 */
public record DriverSpec(int bdf, DriverProfile profile, int rings, int ringEntries, int bufferBytes,
        long iovaFootprintBytes, long dmaRatePerSec) {

    public DriverSpec {
        if (rings < 1 || ringEntries < 1 || bufferBytes < 1 || bufferBytes > 4096 || iovaFootprintBytes < 1
                || dmaRatePerSec < 1) {
            throw new IllegalArgumentException("driver for " + bdf + ": rings, ringEntries, bufferBytes (1-4096),"
                    + " iovaFootprint and dmaRatePerSec must be positive");
        }
    }
}
