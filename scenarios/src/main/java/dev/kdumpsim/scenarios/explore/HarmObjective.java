package dev.kdumpsim.scenarios.explore;

import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.scenarios.search.Objective;
import dev.kdumpsim.scenarios.search.Scored;
import dev.kdumpsim.scenarios.sweep.SimVariantRunner;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code kdumpsim explore}'s objective: run the candidate, score its harm ({@link Harm}); the detail is the verdict. */
final class HarmObjective implements Objective {

    static final String VERSION = "explore";
    /** The verdict's fields the detail keeps (explore.json shows them for the worst case). */
    private static final String[] KEPT = {"verdict.kdumpCorrupted", "verdict.firstCorruption", "verdict.liveWrites", "verdict.freeWrites",
        "verdict.dumpSaved", "verdict.dumpTaintedPages", "verdict.wedgedDevices", "verdict.kdumpKernel", "ledger.fates.bypassedCrashkernelLive",
        "smmuEvents.raised", "aer.errors"};

    private final Harm harm;

    HarmObjective(Harm harm) {
        this.harm = harm;
    }

    @Override
    public Scored evaluate(Scenario candidate) {
        Map<String, Object> m = SimVariantRunner.metrics(ScenarioRunner.run(candidate, VERSION).report());
        boolean reached = harm.reached(m);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reached", reached);
        for (String k : KEPT) {
            detail.put(k, m.get(k));
        }
        return new Scored((reached ? Harm.REACHED : 0) + harm.magnitude(m), detail);
    }
}
