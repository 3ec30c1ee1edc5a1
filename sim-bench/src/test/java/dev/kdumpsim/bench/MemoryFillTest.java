package dev.kdumpsim.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryFillTest {

    @Test
    void everyBufferSizeIsWrittenAndAccountedOncePerTransaction() {
        for (int bytes : new int[] {4, 64, 2048, 4096}) {
            double tps = MemoryFill.run(bytes, 10_000); // throws if the region's write count is off
            assertTrue(tps > 0 && Double.isFinite(tps), bytes + " bytes");
        }
    }
}
