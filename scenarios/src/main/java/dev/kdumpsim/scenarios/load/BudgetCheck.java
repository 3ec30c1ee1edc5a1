package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunBudget;
import java.util.Locale;

/**
 * The pre-run budget: the run's estimated events, memory and log must fit before anything runs
 * ({@link RunBudget}), the error located at what to shrink: the run's end or the busiest driver.
 */
final class BudgetCheck {

    private final Locations at;
    private final RunBudget budget;

    BudgetCheck(Locations at, RunBudget budget) {
        this.at = at;
        this.budget = budget;
    }

    void check(Scenario s) throws ScenarioException {
        RunBudget.Estimate e = RunBudget.estimate(s);
        String what;
        if (e.events() > budget.maxEvents()) {
            what = String.format(Locale.ROOT, "estimated %.3g simulation events (%.1f per DMA transaction over %.3g s of simulated time),"
                    + " more than the budget of %d", e.events(), RunBudget.EVENTS_PER_TRANSACTION, e.simulatedNs() / 1e9, budget.maxEvents());
        } else if (e.memoryBytes() > budget.maxMemoryBytes()) {
            what = String.format(Locale.ROOT, "estimated %.3g bytes of simulation memory, more than the budget of %d",
                    e.memoryBytes(), budget.maxMemoryBytes());
        } else if (e.logBytes() > budget.maxLogBytes()) {
            what = String.format(Locale.ROOT, "estimated %.3g bytes of kernel log over %.3g s of simulated time, more than the budget of %d",
                    e.logBytes(), e.simulatedNs() / 1e9, budget.maxLogBytes());
        } else {
            return;
        }
        String hint = ScenarioException.BUDGET_HINT;
        // point at the larger excess: the busiest driver's rate (against 1e6/s) or the run's length (against 60 s)
        double rateFactor = e.busiest() == null ? 0 : e.busiest().dmaRatePerSec() / 1e6;
        double timeFactor = e.simulatedNs() / 60e9;
        if (e.runUntil() != null && (timeFactor >= rateFactor || e.busiest() == null)) {
            throw at.error(e.runUntil(), "at", what, hint);
        }
        if (e.busiest() != null) {
            throw at.error(e.busiest(), rateFactor >= timeFactor ? "dmaRatePerSec" : "device", what, hint);
        }
        throw at.error(s, "timeline", what, hint);
    }
}
