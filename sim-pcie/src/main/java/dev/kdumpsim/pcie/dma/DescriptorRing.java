package dev.kdumpsim.pcie.dma;

/**
 * A descriptor ring the device polls by reading it (memory reads, non-posted): one fetch of
 * {@code descriptorBytes} every {@code pollIntervalNs}, walking the ring circularly. Polling keeps
 * going as long as the ring is programmed (it stands for NIC/HBA descriptor prefetch).
 */
public record DescriptorRing(long ringIova, int entries, int descriptorBytes, long pollIntervalNs) {
    public DescriptorRing {
        if (entries < 1 || descriptorBytes < 1 || descriptorBytes > 4096 || pollIntervalNs <= 0) {
            throw new IllegalArgumentException("descriptor ring needs entries >= 1, 1-4096 descriptorBytes, pollIntervalNs > 0");
        }
    }
}
