package dev.kdumpsim.scenarios.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code expect.rates}: how often, over {@code seeds} seeds (the file's seed and the next
 * seeds-1), a verdict field has a value or a log pattern matches. Every key but {@code seeds} is
 * a rate (the grammar is run.RateKey's: {@code verdict.FIELD=VALUE} or {@code log:REGEX}).
 */
@Doc("Rates over seeds: 'seeds: N', then one '{min, max}' per verdict.FIELD=VALUE or 'log:REGEX' key")
public record RateExpectations(
        @Doc(value = "Number of seeds to run (1-10000): the file's seed to seed+N-1", required = true) int seeds,
        @Doc(value = "verdict.kdumpCorrupted=true|false, verdict.dumpSaved=true|false, verdict.kdumpKernel=alive|panicked|hung,"
                + " or log:REGEX (some line of either kernel's log matches)", otherKeys = true) Map<String, RateBounds> rates) {

    public RateExpectations {
        rates = Collections.unmodifiableMap(new LinkedHashMap<>(rates));
    }
}
