package dev.kdumpsim.pcie.dma;

/**
 * Receive buffers the driver posted (memory writes, posted): every {@code arrivalIntervalNs} a
 * packet arrives and the device writes {@code bufferBytes} into the next posted buffer, slot
 * {@code i} at {@code firstBufferIova + i * strideBytes} (circular over {@code slots}). The device
 * holds {@code postedBuffers} buffers; each write consumes one, the driver adds more with
 * {@code refillReceiveBuffers}. When the driver stops refilling (a crash), the device keeps
 * consuming the buffers it still holds, then stops.
 */
public record ReceiveBufferRing(long firstBufferIova, int slots, int bufferBytes, long strideBytes, int postedBuffers,
        long arrivalIntervalNs) {
    public ReceiveBufferRing {
        if (slots < 1 || bufferBytes < 1 || bufferBytes > 4096 || strideBytes < bufferBytes || postedBuffers < 0
                || postedBuffers > slots || arrivalIntervalNs <= 0) {
            throw new IllegalArgumentException("receive ring needs slots >= 1, 1-4096 bufferBytes, strideBytes >= bufferBytes,"
                    + " 0 <= postedBuffers <= slots, arrivalIntervalNs > 0");
        }
    }
}
