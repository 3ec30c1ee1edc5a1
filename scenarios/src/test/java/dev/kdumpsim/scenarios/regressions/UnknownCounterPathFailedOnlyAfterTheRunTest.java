package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What broke: {@code expect.counters} accepted any path; a typo ({@code ledger.fates.bypased})
 * was found only after the whole run, as a failed expectation, and per-device AER counters could
 * not be named at all (pci_name contains a dot, and the lookup split on every dot). Fix: paths are
 * checked at load against the report's counters (ReportPaths, kept equal to real reports by
 * ReportPathsTest), located at the key with the nearest name; the lookup takes the longest key.
 */
class UnknownCounterPathFailedOnlyAfterTheRunTest {

    @Test
    void aTypoInACounterPathIsLocatedAtLoad() {
        ScenarioException e = error(Hostile.BASE + "expect:\n  counters:\n    ledger.fates.bypassedCrashkernelLiv: {max: 0}\n");
        assertAt(e, "s.yaml", 14, 5, "report.json has no counter 'ledger.fates.bypassedCrashkernelLiv'");
        assertEquals("did you mean 'ledger.fates.bypassedCrashkernelLive'?", e.hint());
    }

    @Test
    void perDeviceAerCountersAreAddressable() throws Exception {
        var s = ScenarioLoader.parse("s.yaml", Hostile.BASE + "expect:\n  counters:\n    aer.0000:01:00.0.errors: {min: 0, max: 0}\n", List.of());
        assertEquals(List.of(), ScenarioRunner.run(s, "test").failures());
    }
}
