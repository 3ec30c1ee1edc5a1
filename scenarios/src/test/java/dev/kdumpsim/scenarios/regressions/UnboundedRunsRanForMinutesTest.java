package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What broke: {@code dmaRatePerSec: 1e12} (10^12 transactions a second) or a run-until at
 * 10^9 s validated and then ran for minutes or hours. Fix: before anything runs, RunBudget
 * estimates events (rate x simulated time x devices), memory and log size; past the budget
 * (200 million events by default) the load is a located error at the rate or the run-until that
 * dominates, naming the estimate and "raise it with --max-events N". While running, the same
 * budget ends a run that takes more events than estimated.
 */
class UnboundedRunsRanForMinutesTest {

    private static final String NIC = Hostile.BASE.replace("cmdline: \"crashkernel=512M\"\n",
            "cmdline: \"crashkernel=512M\"\n    drivers: [{device: \"01:00.0\", dmaRatePerSec: RATE}]\n");

    @Test
    void aTeraTransactionRateIsRefusedAtItsKey() {
        ScenarioException e = error(NIC.replace("RATE", "1000000000000"));
        assertAt(e, "s.yaml", 10, 50, "estimated 7.49e+13 simulation events");
        assertTrue(e.format().endsWith("more than the budget of 200000000 (raise it with --max-events N)"), e.format());
    }

    @Test
    void aRunUntilAtABillionSecondsIsRefusedAtItsTime() {
        ScenarioException e = error(NIC.replace("RATE", "1000").replace("- {at: 10s, action: panic}",
                "- {at: 10s, action: panic}\n  - {at: 1000000000s, clock: kdump, action: run-until}"));
        assertAt(e, "s.yaml", 13, 10, "simulated time");
        assertTrue(e.hint().equals("raise it with --max-events N"), e.format());
    }

    @Test
    void aLargerBudgetAcceptsWhatTheDefaultRefuses() throws Exception {
        String text = NIC.replace("RATE", "5000000");
        assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("s.yaml", text, List.of()));
        ScenarioLoader.parse("s.yaml", text, List.of(), 1_000_000_000L);
    }

    @Test
    void aRunPastItsBudgetIsEndedWithTheBudgetNamed() throws Exception {
        Scenario s = ScenarioLoader.parse("s.yaml", NIC.replace("RATE", "100000"), List.of());
        RunBudget.Exceeded e = assertThrows(RunBudget.Exceeded.class, () -> ScenarioRunner.run(s, "test", 10_000));
        assertTrue(e.getMessage().startsWith("the run passed its budget of 10000 simulation events at "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(raise it with --max-events N)"), e.getMessage());
    }
}
