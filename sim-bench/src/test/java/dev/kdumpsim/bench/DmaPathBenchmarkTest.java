package dev.kdumpsim.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The DMA-path benchmark really pushes fated transactions through root complex, IOMMU port and memory. */
class DmaPathBenchmarkTest {

    @Test
    void benchmarkPushesTransactionsThroughTheFullPath() {
        DmaPathBenchmark.Result r = DmaPathBenchmark.run(20_000);
        assertTrue(r.transactions() >= 20_000);
        assertTrue(r.simulatedNs() > 0);
    }
}
