package dev.kdumpsim.bench;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.RandomStreams;
import dev.kdumpsim.core.Simulation;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The classic <em>hold</em> model (Vaucher and Duval, "A comparison of simulation event list
 * algorithms", CACM 18(4), 1975): keep {@code pending} events in the set; each executed event
 * schedules one new event at {@code now + Exp(1)}. It measures the event set and the engine's
 * dispatch, nothing else, through the public scheduling API only.
 *
 * <p>One time unit is one simulated second (10^9 ns), so draws are effectively continuous and
 * ties are as rare as in the textbook model. Benchmarks may read the wall clock; model code
 * never does.
 */
public final class HoldBenchmark {

    private static final double MEAN_NS = 1e9;

    private HoldBenchmark() {
    }

    /** Events per second of each measured iteration, plus summary statistics. */
    public record Result(int pending, long events, double[] eventsPerSecond) {

        public double median() {
            return BenchStats.median(eventsPerSecond);
        }

        public double min() {
            return Arrays.stream(eventsPerSecond).min().orElse(0);
        }

        public double max() {
            return Arrays.stream(eventsPerSecond).max().orElse(0);
        }
    }

    /** Receives each iteration's figure as it is measured (for progress output). */
    @FunctionalInterface
    public interface IterationListener {
        void onIteration(int index, boolean warmup, double eventsPerSecond);
    }

    /**
     * Runs {@code warmup} unmeasured then {@code iterations} measured iterations in this JVM.
     */
    public static Result run(int pending, long events, int iterations, int warmup, long seed, IterationListener listener) {
        if (pending < 1 || events < 1 || iterations < 1 || warmup < 0) {
            throw new IllegalArgumentException("pending, events and iterations must be positive, warmup not negative");
        }
        double[] measured = new double[iterations];
        for (int i = 0; i < warmup + iterations; i++) {
            double eps = runOnce(pending, events, seed + i);
            boolean isWarmup = i < warmup;
            if (!isWarmup) {
                measured[i - warmup] = eps;
            }
            listener.onIteration(isWarmup ? i : i - warmup, isWarmup, eps);
        }
        return new Result(pending, events, measured);
    }

    /** One iteration: fill the set, then time {@code events} executions. Returns events/s. */
    public static double runOnce(int pending, long events, long seed) {
        Simulation sim = new Simulation(seed);
        Hold hold = new Hold(sim, sim.random().stream("hold"), events);
        for (int i = 0; i < pending; i++) {
            sim.scheduleAt(hold.draw(), hold);
        }
        long t0 = System.nanoTime();
        sim.run();
        long elapsed = System.nanoTime() - t0;
        if (hold.executed != events) {
            throw new IllegalStateException("hold model executed " + hold.executed + " of " + events);
        }
        return events * 1e9 / Math.max(1, elapsed);
    }

    /** The one reusable handler: every event reschedules itself, until the budget is spent. */
    private static final class Hold implements EventHandler {
        private final Simulation sim;
        private final SplittableRandom random;
        private final long budget;
        long executed;

        Hold(Simulation sim, SplittableRandom random, long budget) {
            this.sim = sim;
            this.random = random;
            this.budget = budget;
        }

        long draw() {
            return (long) RandomStreams.exponential(random, MEAN_NS);
        }

        @Override
        public void onEvent(long arg) {
            if (++executed == budget) {
                sim.stop();
                return;
            }
            sim.scheduleAfter(draw(), this);
        }
    }
}
