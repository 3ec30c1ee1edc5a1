package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.Fraction;
import java.util.Optional;

/** The fractions of seeds a rate must fall between, inclusive. */
@Doc("Inclusive bounds {min, max} of a rate, fractions from 0 to 1 (at least one)")
public record RateBounds(
        @Doc("Smallest allowed fraction of seeds (absent: 0)") Optional<Fraction> min,
        @Doc("Largest allowed fraction of seeds (absent: 1)") Optional<Fraction> max) {

    public RateBounds {
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException("a rate needs min, max or both");
        }
        if (min.isPresent() && max.isPresent() && min.get().value().compareTo(max.get().value()) > 0) {
            throw new IllegalArgumentException("min " + min.get() + " is above max " + max.get());
        }
    }

    /** Whether {@code k} of {@code n} seeds is within the bounds. */
    public boolean contains(long k, long n) {
        return min.map(m -> m.reachedBy(k, n)).orElse(true) && max.map(m -> m.notExceededBy(k, n)).orElse(true);
    }

    /** "0.15..0.35", "0.6..", "..0.3". */
    @Override
    public String toString() {
        return min.map(Fraction::toString).orElse("") + ".." + max.map(Fraction::toString).orElse("");
    }
}
