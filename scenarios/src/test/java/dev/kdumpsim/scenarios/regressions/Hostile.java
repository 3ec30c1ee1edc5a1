package dev.kdumpsim.scenarios.regressions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.time.Duration;
import java.util.List;

/** Shared input and assertions of the regression tests: a valid base scenario, and "one located line, quickly". */
final class Hostile {

    /** A small valid scenario (one NIC at 01:00.0 below the default root port 00:00.0). */
    static final String BASE = """
            name: t
            platform:
              pcie:
                topology:
                  endpoints:
                    - bdf: "01:00.0"
            kernels:
              first:
                cmdline: "crashkernel=512M"
            timeline:
              - {at: 10s, action: panic}
            """;

    /** A guard against a hang, not a speed measurement: the inputs used to take minutes or never end. */
    static final Duration QUICKLY = Duration.ofSeconds(20);

    private Hostile() {
    }

    /** Parses {@code text} as {@code s.yaml} and returns the error it must give, within {@link #QUICKLY}. */
    static ScenarioException error(String text, String... overrides) {
        return assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("s.yaml", text, List.of(overrides))));
    }

    /** The error is one line at {@code line:col} containing {@code part}, with no Java exception text. */
    static void assertAt(ScenarioException e, String file, int line, int col, String part) {
        String f = e.format();
        assertTrue(f.startsWith(file + ":" + line + ":" + col + ": "), f);
        assertTrue(f.contains(part), f);
        assertFalse(f.contains("\n"), f);
        assertFalse(f.contains("Exception") || f.contains("Error:"), f);
    }

    /** A located one-line error somewhere in {@code file} containing {@code part}, with a hint. */
    static void assertLocated(ScenarioException e, String file, String part) {
        String f = e.format();
        assertTrue(e.line() >= 1 && e.column() >= 1 && f.startsWith(file + ":" + e.line() + ":" + e.column() + ": "), f);
        assertTrue(f.contains(part), f);
        assertFalse(e.hint().isEmpty(), f);
        assertFalse(f.contains("\n"), f);
    }
}
