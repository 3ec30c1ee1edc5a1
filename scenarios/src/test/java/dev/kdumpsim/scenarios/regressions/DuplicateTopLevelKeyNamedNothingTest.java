package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kdumpsim.scenarios.error.ScenarioException;
import org.junit.jupiter.api.Test;

/**
 * What broke: {@code seed: 1} twice at the top level read "duplicate key 'seed' in  (remove one
 * of them)": the binder named the enclosing record by its dotted path, which is empty at the top.
 * Fix: the top level is named "the scenario", as the other top-level messages already did.
 */
class DuplicateTopLevelKeyNamedNothingTest {

    @Test
    void duplicateTopLevelKeyNamesTheScenario() {
        ScenarioException e = error(Hostile.BASE + "seed: 1\nseed: 2\n");
        assertAt(e, "s.yaml", 13, 1, "duplicate key 'seed' in the scenario");
        assertFalse(e.format().contains("in  "), e.format());
    }
}
