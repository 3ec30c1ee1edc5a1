package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ExpectationChecker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What broke: expect.log patterns were java.util.regex, which backtracks: the pattern
 * {@code ^(([a-z0-9.\-\[\] :]+)+)+!$} against a 469-byte log line without '!' runs for longer than
 * anyone waits. Fix: patterns are RE2 (com.google.re2j), linear in the line's length; syntax RE2
 * does not have (backreferences, lookaround) is a located error at load, naming why.
 */
class BacktrackingLogRegexHungTheRunTest {

    @Test
    void nestedQuantifiersOnA469ByteLineFinishAtOnce() throws Exception {
        Scenario s = ScenarioLoader.parse("s.yaml", Hostile.BASE + "expect:\n  log: ['^(([a-z0-9.\\-\\[\\] :]+)+)+!$']\n", List.of());
        String line = "[   16.093441] pci 0000:01:00.0: aer status ".repeat(11).substring(0, 469);
        assertEquals(469, line.length());
        List<String> failures = assertTimeoutPreemptively(Hostile.QUICKLY,
                () -> ExpectationChecker.check(s.expect(), Map.of("verdict", Map.of()), List.of(line)));
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).startsWith("log: no line matches"), failures.get(0));
    }

    @Test
    void lookaheadAndBackreferencesAreLocatedErrors() {
        assertAt(error(Hostile.BASE + "expect:\n  log:\n    - 'ok'\n    - '(?=SMMU)'\n"), "s.yaml", 15, 7,
                "not a valid RE2 regular expression");
        assertAt(error(Hostile.BASE + "expect:\n  logAbsent: ['(a)\\1']\n"), "s.yaml", 13, 15, "RE2 has no backreferences or lookaround");
    }
}
