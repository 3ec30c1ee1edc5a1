package dev.kdumpsim.scenarios.value;

import java.util.Locale;

/**
 * A size in bytes written as {@code "2GiB"}, {@code "512MiB"}, {@code "4KiB"}, {@code "4096"} or
 * {@code "0x1000"}. Binary units only (KiB, MiB, GiB, TiB; K, M, G, T as in the kernel's
 * {@code memparse} mean the same), since every size the model deals with is a power-of-two
 * multiple; "KB"/"MB" are rejected because they are ambiguous.
 */
public record ByteSize(long bytes) {

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    public static ByteSize parse(String text) {
        String s = text.strip().replace("_", "");
        String lower = s.toLowerCase(Locale.ROOT);
        int shift = 0;
        String number = s;
        String[][] units = {{"tib", "40"}, {"gib", "30"}, {"mib", "20"}, {"kib", "10"}, {"t", "40"}, {"g", "30"}, {"m", "20"}, {"k", "10"}};
        if (lower.endsWith("kb") || lower.endsWith("mb") || lower.endsWith("gb") || lower.endsWith("tb")) {
            throw new IllegalArgumentException("'" + text + "' is ambiguous: write binary units such as 4KiB, 512MiB, 2GiB");
        }
        if (!lower.startsWith("0x")) {
            for (String[] u : units) {
                if (lower.endsWith(u[0])) {
                    shift = Integer.parseInt(u[1]);
                    number = s.substring(0, s.length() - u[0].length()).strip();
                    break;
                }
            }
        }
        long n = ValueSyntax.parseUnsigned(number, "size (expected e.g. \"2GiB\", \"4KiB\" or \"0x1000\")");
        if (shift > 0 && n > (Long.MAX_VALUE >>> shift)) {
            throw new IllegalArgumentException("size '" + text + "' is too large");
        }
        return new ByteSize(n << shift);
    }

    @Override
    public String toString() {
        String[] names = {"TiB", "GiB", "MiB", "KiB"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < names.length; i++) {
            if (bytes != 0 && (bytes & ((1L << shifts[i]) - 1)) == 0) {
                return (bytes >>> shifts[i]) + names[i];
            }
        }
        return Long.toString(bytes);
    }
}
