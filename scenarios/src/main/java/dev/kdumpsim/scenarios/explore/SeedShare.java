package dev.kdumpsim.scenarios.explore;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.search.Scored;
import dev.kdumpsim.scenarios.search.SearchPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How often random seeds reach the harm at a fixed timing: the scenario run at {@code n} seeds
 * drawn from a stream seeded by the scenario seed (the same seeds for the file's timing and for the
 * worst case's, so the two shares compare like for like), in parallel, counted in seed order.
 */
public final class SeedShare {

    /** The share: seeds tried, seeds that reached the harm, and the seeds themselves. */
    public record Share(int tried, int reached, List<Long> seeds) {
    }

    private SeedShare() {
    }

    /** {@code n} seeds from the scenario seed's stream (a stream of its own: not the search's brackets). */
    static List<Long> seeds(long scenarioSeed, int n) {
        Random r = new Random(~scenarioSeed * 0x2545F4914F6CDD1DL);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(1L + r.nextInt(Integer.MAX_VALUE - 1));
        }
        return out;
    }

    /** Runs {@code plan}'s scenario with {@code sets} (a point's values, or none) and each seed; the count of seeds that reached the harm. */
    static Share of(SearchPlan plan, List<String> sets, HarmObjective objective, List<Long> seeds, int jobs) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, seeds.size())), r -> {
            Thread t = new Thread(r, "explore-seeds");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (long seed : seeds) {
                List<String> point = new ArrayList<>(sets.stream().filter(s -> !s.startsWith("seed=")).toList());
                point.add("seed=" + seed);
                fs.add(pool.submit(() -> reached(plan, point, objective)));
            }
            int reached = 0;
            for (Future<Boolean> f : fs) {
                try {
                    reached += f.get() ? 1 : 0;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a seed run failed: " + e.getCause(), e.getCause());
                }
            }
            return new Share(seeds.size(), reached, seeds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean reached(SearchPlan plan, List<String> point, HarmObjective objective) {
        Scored s;
        try {
            s = objective.evaluate(plan.materialize(point));
        } catch (ScenarioException | RuntimeException e) {
            return false; // a point that does not load or run at this seed reaches nothing (the search scores such runs as failed, too)
        }
        return Boolean.TRUE.equals(s.detail().get("reached"));
    }
}
