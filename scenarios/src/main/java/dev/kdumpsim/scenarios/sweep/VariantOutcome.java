package dev.kdumpsim.scenarios.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one variant showed: whether every expectation held, the failed ones in words, and its
 * metrics as a flat ordered map of dotted keys ({@code verdict.kdumpCorrupted},
 * {@code ledger.fates.translated}, {@code smmuEvents.lost}, ...) to scalars (Boolean,
 * Integer/Long, Float/Double, String or null), the same keys in the same order for every variant
 * of a scenario.
 */
public record VariantOutcome(boolean passed, List<String> failedExpectations, Map<String, Object> metrics) {

    public VariantOutcome {
        failedExpectations = List.copyOf(failedExpectations);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
