package dev.kdumpsim.bench;

import java.util.Arrays;

/** Summary statistics shared by the benchmark commands. */
public final class BenchStats {

    private BenchStats() {
    }

    /** The median of {@code values} (mean of the middle two for an even count); the input is not changed. */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
