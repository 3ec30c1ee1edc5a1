package dev.kdumpsim.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.KdumpSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DmaCommandTest {

    @Test
    void runsThroughTheSmmuAndReportsAMedian() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(err),
                "bench", "dma", "--transactions", "2000", "--iterations", "1", "--warmup", "0");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("median: "), out.toString());
        assertTrue(out.toString().contains(" per CPU-s (iommu=smmu, 256-byte writes)"), out.toString());
    }

    @Test
    void rejectsOversizedWrites() {
        int code = KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "bench", "dma", "--bytes", "8192");
        assertEquals(2, code);
    }
}
