package dev.kdumpsim.scenarios.value;

/**
 * Parsing helpers shared by the typed scenario values.
 *
 * <p>Why typed values at all: YAML 1.1 readers take {@code 01:00.0} for a base-60 number and YAML
 * 1.2 readers take {@code 0x7fe00000} for a string, so addresses, sizes, BDFs and durations are
 * written as strings with an explicit syntax and parsed here, with one clear message on error.
 */
final class ValueSyntax {

    private ValueSyntax() {
    }

    /** Parses a non-negative integer: decimal or 0x-hex, with optional '_' separators. */
    static long parseUnsigned(String text, String what) {
        String s = text.strip().replace("_", "");
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            long v;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                if (s.length() == 2) {
                    throw new NumberFormatException();
                }
                v = Long.parseUnsignedLong(s.substring(2), 16);
            } else {
                v = Long.parseLong(s);
            }
            if (v < 0) {
                throw new IllegalArgumentException(what + " must be between 0 and 2^63-1: '" + text + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + what);
        }
    }
}
