package dev.kdumpsim.scenarios.value;

import java.util.Locale;

/**
 * A simulated duration or time written with a unit: {@code "7.018s"}, {@code "100ms"},
 * {@code "2us"}, {@code "500ns"}. Held exactly in nanoseconds; fractions finer than 1 ns are
 * rejected rather than rounded.
 */
public record SimDuration(long nanos) {

    public SimDuration {
        if (nanos < 0) {
            throw new IllegalArgumentException("duration must not be negative");
        }
    }

    public static SimDuration parse(String text) {
        String s = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
        long scale;
        String number;
        if (s.endsWith("ns")) {
            scale = 1;
            number = s.substring(0, s.length() - 2);
        } else if (s.endsWith("us") || s.endsWith("µs")) {
            scale = 1_000;
            number = s.substring(0, s.length() - 2);
        } else if (s.endsWith("ms")) {
            scale = 1_000_000;
            number = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            scale = 1_000_000_000;
            number = s.substring(0, s.length() - 1);
        } else {
            throw new IllegalArgumentException("'" + text + "' has no unit (write e.g. \"7.018s\", \"100ms\", \"2us\", \"500ns\")");
        }
        try {
            java.math.BigDecimal ns = new java.math.BigDecimal(number.strip()).multiply(java.math.BigDecimal.valueOf(scale));
            if (ns.signum() < 0) {
                throw new IllegalArgumentException("duration '" + text + "' is negative");
            }
            return new SimDuration(ns.longValueExact());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write e.g. \"7.018s\", \"100ms\")");
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is finer than 1ns or too large");
        }
    }

    @Override
    public String toString() {
        if (nanos % 1_000_000_000 == 0) {
            return nanos / 1_000_000_000 + "s";
        }
        if (nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        if (nanos % 1_000 == 0) {
            return nanos / 1_000 + "us";
        }
        return nanos + "ns";
    }
}
