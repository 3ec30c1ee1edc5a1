package dev.kdumpsim.scenarios.model;

import java.util.Optional;

/** An inclusive range a counter must fall in. */
@Doc("Inclusive range {min, max} a counter must fall in")
public record CounterRange(
        @Doc(value = "Smallest allowed value", dflt = "0") long min,
        @Doc("Largest allowed value (absent: no upper bound)") Optional<Long> max) {

    public CounterRange {
        if (min < 0) {
            throw new IllegalArgumentException("min must not be negative");
        }
        if (max.isPresent() && max.get() < min) {
            throw new IllegalArgumentException("max " + max.get() + " is below min " + min);
        }
    }

    public boolean contains(long v) {
        return v >= min && (max.isEmpty() || v <= max.get());
    }
}
