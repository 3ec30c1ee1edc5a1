package dev.kdumpsim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * DMA buffer writes into PhysicalMemory at several buffer sizes, the same transaction count each,
 * rounds interleaved so that machine noise hits every size alike; prints medians and each size's
 * cost relative to the smallest.
 *
 * <p>Usage: {@code java -jar sim-bench/target/kdumpsim-bench.jar memory [bytes...]
 * [--transactions T] [--rounds R] [--warmup W]}; defaults: 64 2048, T = 20,000,000, R = 5, W = 2.
 */
public final class MemoryFillComparison {

    private MemoryFillComparison() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        long transactions = 20_000_000;
        int rounds = 5;
        int warmup = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--transactions" -> transactions = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(64, 2048);
        }
        System.out.printf(Locale.ROOT, "PhysicalMemory DMA buffer writes, %d per run, %d warm-up + %d measured rounds, sizes interleaved%n",
                transactions, warmup, rounds);
        double[][] tps = new double[sizes.size()][rounds];
        for (int round = 0; round < warmup + rounds; round++) {
            for (int s = 0; s < sizes.size(); s++) {
                double v = MemoryFill.run(sizes.get(s), transactions);
                if (round >= warmup) {
                    tps[s][round - warmup] = v;
                }
            }
        }
        double base = BenchStats.median(tps[0]);
        for (int s = 0; s < sizes.size(); s++) {
            double m = BenchStats.median(tps[s]);
            System.out.printf(Locale.ROOT, "  %5d-byte buffers  median %,14.0f writes/s  (min %,.0f, max %,.0f)  cost %.2fx of %d bytes%n",
                    sizes.get(s), m, Arrays.stream(tps[s]).min().orElse(0), Arrays.stream(tps[s]).max().orElse(0),
                    base / m, sizes.get(0));
        }
    }
}
