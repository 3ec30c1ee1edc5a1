package dev.kdumpsim.bench;

import dev.kdumpsim.core.bench.BenchStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the hold model on kdumpsim, a PriorityQueue engine and SSJ side by side in one JVM, rounds
 * interleaved so that machine noise hits every engine alike, and prints medians and ratios.
 *
 * <p>Usage: {@code java -jar sim-bench/target/kdumpsim-bench.jar [pending...] [--events E]
 * [--rounds R] [--warmup W]}; defaults: pending 1000 100000, E = 5,000,000, R = 5, W = 2.
 */
public final class HoldComparison {

    private HoldComparison() {
    }

    public static void main(String[] args) {
        List<Integer> pendings = new ArrayList<>();
        long events = 5_000_000;
        int rounds = 5;
        int warmup = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> pendings.add(Integer.parseInt(args[i]));
            }
        }
        if (pendings.isEmpty()) {
            pendings = List.of(1000, 100_000);
        }
        HoldEngine[] engines = {new KdumpsimHold(), new SsjHold(), new PriorityQueueHold()};
        System.out.printf(Locale.ROOT, "hold model, %d events per run, %d warm-up + %d measured rounds, engines interleaved%n",
                events, warmup, rounds);
        for (int pending : pendings) {
            double[][] eps = new double[engines.length][rounds];
            for (int round = 0; round < warmup + rounds; round++) {
                for (int e = 0; e < engines.length; e++) {
                    double v = engines[e].run(pending, events, round + 1);
                    if (round >= warmup) {
                        eps[e][round - warmup] = v;
                    }
                }
            }
            double[] medians = new double[engines.length];
            for (int e = 0; e < engines.length; e++) {
                medians[e] = median(eps[e]);
            }
            double bestOther = Math.max(medians[1], medians[2]);
            System.out.printf(Locale.ROOT, "%nN = %,d pending%n", pending);
            for (int e = 0; e < engines.length; e++) {
                System.out.printf(Locale.ROOT, "  %-26s median %,14.0f events/s  (min %,.0f, max %,.0f)%n",
                        engines[e].name(), medians[e], Arrays.stream(eps[e]).min().orElse(0), Arrays.stream(eps[e]).max().orElse(0));
            }
            System.out.printf(Locale.ROOT, "  kdumpsim / SSJ = %.2fx, kdumpsim / best other = %.2fx%n",
                    medians[0] / medians[1], medians[0] / bestOther);
        }
    }

    static double median(double[] v) {
        return BenchStats.median(v);
    }
}
