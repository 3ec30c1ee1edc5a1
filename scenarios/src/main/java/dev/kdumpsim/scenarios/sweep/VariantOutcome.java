package dev.kdumpsim.scenarios.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one variant showed: whether every expectation held, the failed ones in words, its
 * metrics as a flat ordered map of dotted keys ({@code verdict.kdumpCorrupted},
 * {@code ledger.fates.translated}, {@code smmuEvents.lost}, ...) to scalars (Boolean,
 * Integer/Long, Float/Double, String or null), the same keys in the same order for every variant
 * of a scenario, and where the run ended on the simulation clock ({@code simulatedNs}: the
 * junit.xml {@code time}, never the wall clock, so outputs stay the same bytes on every machine).
 */
public record VariantOutcome(boolean passed, List<String> failedExpectations, Map<String, Object> metrics, long simulatedNs) {

    public VariantOutcome {
        failedExpectations = List.copyOf(failedExpectations);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (simulatedNs < 0) {
            throw new IllegalArgumentException("a run cannot end before time 0: " + simulatedNs);
        }
    }

    /** The outcome of a runner that simulates nothing (a test double): no simulated time, 0 ns. */
    public VariantOutcome(boolean passed, List<String> failedExpectations, Map<String, Object> metrics) {
        this(passed, failedExpectations, metrics, 0);
    }
}
