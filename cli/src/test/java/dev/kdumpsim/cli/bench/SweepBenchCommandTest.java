package dev.kdumpsim.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.KdumpSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepBenchCommandTest {

    private static final String SWEEP = """
            name: bench-sweep
            platform:
              pcie:
                topology:
                  endpoints:
                    - bdf: "01:00.0"
            kernels:
              first:
                cmdline: "crashkernel=512M"
                drivers:
                  - device: "01:00.0"
            mitigations: [flr-all]
            timeline:
              - {at: 10s, action: panic}
            sweep:
              seeds: 2
              parameters:
                - path: kernels.kdump.smmuDriver
                  values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2]
            """;

    @TempDir
    Path tmp;

    @Test
    void runsEveryVariantOfTheSweep() throws Exception {
        Path file = tmp.resolve("bench-sweep.yaml");
        Files.writeString(file, SWEEP);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(err),
                "bench", "sweep", file.toString(), "--jobs", "1", "--iterations", "1", "--warmup", "0");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("(4 variants, 4 passed, "), out.toString());
        assertTrue(out.toString().contains("median: "), out.toString());
    }

    @Test
    void aMissingFileIsAnInputError() {
        StringWriter out = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "bench", "sweep", tmp.resolve("nope.yaml").toString(), "--iterations", "1", "--warmup", "0");
        assertEquals(2, code);
        assertEquals("", out.toString());
    }
}
