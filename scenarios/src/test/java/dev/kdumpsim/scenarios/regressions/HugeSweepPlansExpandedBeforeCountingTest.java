package dev.kdumpsim.scenarios.regressions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What broke: a plan of 10^8 variants (four parameters of 100 values) loaded the scenario once
 * per value before counting, so it took minutes to say "too many". Fix: the variant count is the
 * product of the value counts, checked before any value is loaded or point expanded, and located
 * at sweep.parameters.
 */
class HugeSweepPlansExpandedBeforeCountingTest {

    @Test
    void aHundredMillionVariantPlanIsRefusedAtOnce() {
        String text = Hostile.BASE + "sweep:\n  parameters:\n"
                + "    - {path: kernels.first.drivers, range: 1..100}\n".repeat(0)
                + "    - {path: \"expect.counters.ledger.issued.min\", range: 1..100}\n"
                + "    - {path: \"expect.counters.ledger.inFlight.min\", range: 1..100}\n"
                + "    - {path: \"expect.counters.seed.min\", range: 1..100}\n"
                + "    - {path: \"expect.counters.smmuEvents.raised.min\", range: 1..100}\n";
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ScenarioException.class, () -> HostileSweeps.plan(text)));
        assertTrue(e.format().startsWith("s.yaml:14:5: the sweep has 100000000 variants (100 x 100 x 100 x 100 x 1 seed(s)), more than"),
                e.format());
    }
}
