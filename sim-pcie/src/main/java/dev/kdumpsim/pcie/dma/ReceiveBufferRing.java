package dev.kdumpsim.pcie.dma;

/**
 * Receive buffers the driver posted (memory writes, posted): every {@code arrivalIntervalNs} a
 * packet arrives and the device writes {@code bufferBytes} into the next posted buffer, circularly
 * over {@code slots}. Slot {@code i} is at {@code bufferIovas[i]} when the driver gave a buffer
 * list (each buffer mapped on its own, as {@code dma_map_single}/page_pool do, so the IOVAs follow
 * the allocator, holes included), else at {@code firstBufferIova + i * strideBytes}. The device
 * holds {@code postedBuffers} buffers; each write consumes one, the driver adds more with
 * {@code refillReceiveBuffers}. When the driver stops refilling (a crash), the device keeps
 * consuming the buffers it still holds, then stops.
 */
public record ReceiveBufferRing(long firstBufferIova, int slots, int bufferBytes, long strideBytes, int postedBuffers,
        long arrivalIntervalNs, long[] bufferIovas) {

    public ReceiveBufferRing {
        if (slots < 1 || bufferBytes < 1 || bufferBytes > 4096 || strideBytes < bufferBytes || postedBuffers < 0
                || postedBuffers > slots || arrivalIntervalNs <= 0) {
            throw new IllegalArgumentException("receive ring needs slots >= 1, 1-4096 bufferBytes, strideBytes >= bufferBytes,"
                    + " 0 <= postedBuffers <= slots, arrivalIntervalNs > 0");
        }
        if (bufferIovas != null && bufferIovas.length != slots) {
            throw new IllegalArgumentException("bufferIovas must have one IOVA per slot");
        }
    }

    /** Evenly strided buffers starting at {@code firstBufferIova}. */
    public ReceiveBufferRing(long firstBufferIova, int slots, int bufferBytes, long strideBytes, int postedBuffers,
            long arrivalIntervalNs) {
        this(firstBufferIova, slots, bufferBytes, strideBytes, postedBuffers, arrivalIntervalNs, null);
    }

    /** One buffer per slot at the given IOVAs (the array is copied). */
    public static ReceiveBufferRing ofBuffers(long[] iovas, int bufferBytes, int postedBuffers, long arrivalIntervalNs) {
        if (iovas.length == 0) {
            throw new IllegalArgumentException("receive ring needs at least one buffer");
        }
        return new ReceiveBufferRing(iovas[0], iovas.length, bufferBytes, bufferBytes, postedBuffers, arrivalIntervalNs,
                iovas.clone());
    }

    /** IOVA of slot {@code slot} (0 <= slot < slots). */
    public long slotIova(int slot) {
        return bufferIovas != null ? bufferIovas[slot] : firstBufferIova + slot * strideBytes;
    }
}
