package dev.kdumpsim.scenarios.value;

/**
 * A physical or I/O virtual address written as {@code "0x7fe00000"} (or decimal), with optional
 * {@code _} separators: {@code "0x7fe0_0000"}.
 */
public record PhysAddr(long value) {

    public PhysAddr {
        if (value < 0) {
            throw new IllegalArgumentException("address must be below 2^63");
        }
    }

    public static PhysAddr parse(String text) {
        return new PhysAddr(ValueSyntax.parseUnsigned(text, "address (expected e.g. \"0x7fe00000\")"));
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(value);
    }
}
