package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;

import dev.kdumpsim.scenarios.error.ScenarioException;
import org.junit.jupiter.api.Test;

/**
 * What broke: a file nesting 1,200 block mappings or 1,500 flow lists ({@code [[[[...]]]]}) made
 * the loader die with StackOverflowError: snakeyaml-engine's Composer recurses once per level and
 * its LoadSettings (3.0.1) have no depth limit. Fix: the composer pulls events through a parser
 * that refuses the event opening level 65, so the error is located at that collection.
 */
class DeepNestingOverflowedTheStackTest {

    @Test
    void fifteenHundredFlowLevelsAreALocatedError() {
        String text = "name: t\ndescription: " + "[".repeat(1500) + "]".repeat(1500) + "\n";
        ScenarioException e = error(text);
        assertAt(e, "s.yaml", 2, 13 + 64, "nesting is deeper than 64 levels");
    }

    @Test
    void twelveHundredBlockLevelsAreALocatedError() {
        StringBuilder b = new StringBuilder("name: t\n");
        for (int i = 0; i < 1200; i++) {
            b.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        ScenarioException e = error(b.toString());
        assertAt(e, "s.yaml", 66, 65, "nesting is deeper than 64 levels");
    }

    @Test
    void theLimitIsFarAboveWhatTheFormatNests() throws Exception {
        // 60 levels of lists are refused by the binder's types, not by the depth limit
        ScenarioException e = error("name: t\ndescription: " + "[".repeat(60) + "]".repeat(60) + "\n");
        assertAt(e, "s.yaml", 2, 14, "description: expected a single value, got a list");
    }
}
