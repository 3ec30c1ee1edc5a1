package dev.kdumpsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 *
 * <p>Each run is also timed in CPU time of the running thread (filling the set included), which
 * a busy machine disturbs far less than wall-clock time: on a shared 2-core machine the
 * wall-clock medians of one engine move by 20 % between runs, the CPU-time ones by a few percent.
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        for (int pending : pendings) {
            double[][] eps = new double[engines.length][rounds];
            double[][] cpu = new double[engines.length][rounds];
            for (int round = 0; round < warmup + rounds; round++) {
                for (int e = 0; e < engines.length; e++) {
                    long c0 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
                    double v = engines[e].run(pending, events, round + 1);
                    long c = cpuTime ? threads.getCurrentThreadCpuTime() - c0 : 0;
                    if (round >= warmup) {
                        eps[e][round - warmup] = v;
                        cpu[e][round - warmup] = events * 1e9 / Math.max(1, c);
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
            if (cpuTime) {
                double[] cpuMedians = new double[engines.length];
                for (int e = 0; e < engines.length; e++) {
                    cpuMedians[e] = median(cpu[e]);
                    System.out.printf(Locale.ROOT, "  %-26s median %,14.0f events per CPU-second%n", engines[e].name(), cpuMedians[e]);
                }
                System.out.printf(Locale.ROOT, "  by CPU time: kdumpsim / SSJ = %.2fx, kdumpsim / best other = %.2fx%n",
                        cpuMedians[0] / cpuMedians[1], cpuMedians[0] / Math.max(cpuMedians[1], cpuMedians[2]));
            }
        }
    }

    static double median(double[] v) {
        return BenchStats.median(v);
    }
}
