package dev.kdumpsim.scenarios.value;

import java.util.Locale;

/**
 * A register value or identifier written in hex as lspci and datasheets print it: {@code "0x8086"},
 * {@code "0x00062011"}, {@code "0x0123_4567_89ab_cdef"}; up to 64 bits. The written number of
 * digits is kept, so the value prints back as it was written ({@code "0x0401"} stays
 * {@code "0x0401"}); how many bits a field allows is checked where the field is known.
 */
public record HexValue(long value, int digits) {

    public HexValue {
        if (digits < 1 || digits > 16) {
            throw new IllegalArgumentException("a hex value has 1 to 16 digits");
        }
    }

    public static HexValue parse(String text) {
        String s = text.strip().replace("_", "");
        if (!(s.startsWith("0x") || s.startsWith("0X")) || s.length() == 2) {
            throw new IllegalArgumentException("'" + text + "' is not a hex value (expected e.g. \"0x8086\")");
        }
        String digits = s.substring(2);
        if (digits.length() > 16 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + text + "' is not a hex value of at most 64 bits (expected e.g. \"0x8086\")");
        }
        return new HexValue(Long.parseUnsignedLong(digits, 16), digits.length());
    }

    /** Whether the value fits in {@code bits} bits. */
    public boolean fits(int bits) {
        return bits >= 64 || (value >>> bits) == 0;
    }

    @Override
    public String toString() {
        return "0x" + String.format(Locale.ROOT, "%0" + digits + "x", value);
    }
}
