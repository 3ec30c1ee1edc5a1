package dev.kdumpsim.bench;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Runs the benchmark helper for correctness only (no timing assertions). */
class SmmuBenchmarkTest {

    @Test
    void benchmarkRunsBothPathsAndReportsPositiveRates() {
        SmmuBenchmark.Result r = SmmuBenchmark.run(1000);
        assertTrue(r.tlbHitPerSecond() > 0);
        assertTrue(r.badStreamIdPerSecond() > 0);
        assertTrue(r.toText().contains("C_BAD_STREAMID"));
    }
}
