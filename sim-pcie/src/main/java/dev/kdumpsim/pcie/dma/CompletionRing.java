package dev.kdumpsim.pcie.dma;

/** A completion ring the device writes one {@code entryBytes} entry to after each receive buffer, circularly. */
public record CompletionRing(long ringIova, int entries, int entryBytes) {
    public CompletionRing {
        if (entries < 1 || entryBytes < 1 || entryBytes > 4096) {
            throw new IllegalArgumentException("completion ring needs entries >= 1 and 1-4096 entryBytes");
        }
    }
}
