package dev.kdumpsim.scenarios.value;

import java.math.BigDecimal;

/**
 * A fraction from 0 to 1 written as a decimal ({@code 0.15}, {@code 1}, {@code 0}), kept exact so
 * a rate k/n is compared with it without rounding: k/n >= f exactly when k >= f*n.
 */
public record Fraction(BigDecimal value) {

    public Fraction {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a fraction is from 0 to 1, not " + value.toPlainString());
        }
    }

    public static Fraction parse(String text) {
        String s = text.strip();
        if (!s.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
            throw new IllegalArgumentException("'" + text + "' is not a fraction (expected a decimal from 0 to 1, e.g. 0.25)");
        }
        return new Fraction(new BigDecimal(s));
    }

    /** Whether {@code k} of {@code n} is at least this fraction. */
    public boolean reachedBy(long k, long n) {
        return BigDecimal.valueOf(k).compareTo(value.multiply(BigDecimal.valueOf(n))) >= 0;
    }

    /** Whether {@code k} of {@code n} is at most this fraction. */
    public boolean notExceededBy(long k, long n) {
        return BigDecimal.valueOf(k).compareTo(value.multiply(BigDecimal.valueOf(n))) <= 0;
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
