package dev.kdumpsim.pcie.dma;

/**
 * The MSI the device signals: a 4-byte memory write of {@code data} to {@code addressIova}
 * (on ARM the GIC ITS doorbell, itself reached through the IOMMU), once every
 * {@code completionsPerInterrupt} completion entries (interrupt moderation).
 */
public record MsiMessage(long addressIova, int data, int completionsPerInterrupt) {
    public MsiMessage {
        if (completionsPerInterrupt < 1) {
            throw new IllegalArgumentException("completionsPerInterrupt must be >= 1");
        }
    }
}
