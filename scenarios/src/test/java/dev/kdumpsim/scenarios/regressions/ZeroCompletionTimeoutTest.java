package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;

import org.junit.jupiter.api.Test;

/**
 * What broke: {@code completionTimeout: 0s} validated and run failed in sim-pcie's EndpointParams
 * ("completionTimeoutNs > 0"). Fix: the timeout must lie in the Device Control 2 ranges (above 0,
 * at most 64 s: PCIe Base 6.0 section 7.5.3.16), located at the key and naming the device.
 */
class ZeroCompletionTimeoutTest {

    @Test
    void zeroAndHugeCompletionTimeoutsAreLocated() {
        String zero = Hostile.BASE.replace("- bdf: \"01:00.0\"", "- {bdf: \"01:00.0\", completionTimeout: 0s}");
        assertAt(error(zero), "s.yaml", 6, 47, "completion timeout 0s of 01:00.0");
        assertAt(error(zero.replace("0s}", "100s}")), "s.yaml", 6, 47, "at most 64 s");
    }
}
