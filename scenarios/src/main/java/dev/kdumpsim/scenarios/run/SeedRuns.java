package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.value.LogPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A scenario under N seeds (the first, then the next N-1), run in parallel: what each seed showed
 * as named flags, for rates ({@code kdumpsim run --seeds N}, {@code expect.rates}). The outcomes
 * come back in seed order whatever the number of threads, so everything made from them is the same
 * at any {@code --jobs}.
 *
 * <p>Flags of a seed: every boolean verdict field ({@code verdict.kdumpCorrupted},
 * {@code verdict.dumpSaved}), {@code verdict.kdumpKernel=alive|panicked|hung}, {@code expectations
 * passed} (the single-run expectations), and {@code log /REGEX/} for each {@code expect.log} pattern
 * and each {@code log:} rate.
 */
public final class SeedRuns {

    /** The scenario to run at a seed (loaded with {@code seed=} overridden, so every seed is validated). */
    @FunctionalInterface
    public interface Source {
        Scenario at(long seed) throws ScenarioException;
    }

    /** What one seed showed. */
    public record SeedOutcome(long seed, Map<String, Boolean> flags) {
        public SeedOutcome {
            flags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        }
    }

    private static final List<String> KDUMP_KERNEL_STATES = List.of("alive", "panicked", "hung");

    private SeedRuns() {
    }

    /**
     * Runs seeds {@code first} .. {@code first + seeds - 1} on {@code jobs} threads.
     *
     * @throws ScenarioException when a seed's scenario does not load
     * @throws RuntimeException what a run threw (RunBudget.Exceeded, IllegalArgumentException)
     */
    public static List<SeedOutcome> run(Source source, long first, int seeds, int jobs, String version, long maxEvents)
            throws ScenarioException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, seeds)));
        try {
            List<Future<SeedOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < seeds; i++) {
                long seed = first + i;
                futures.add(pool.submit(() -> one(source.at(seed), version, maxEvents)));
            }
            List<SeedOutcome> out = new ArrayList<>();
            for (Future<SeedOutcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ScenarioException se) {
                        throw se;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static SeedOutcome one(Scenario s, String version, long maxEvents) {
        ScenarioRunner.Outcome r = ScenarioRunner.run(s, version, maxEvents);
        Map<String, Boolean> flags = new LinkedHashMap<>();
        Object verdict = r.report().get("verdict");
        if (verdict instanceof Map<?, ?> v) {
            for (var e : v.entrySet()) {
                if (e.getValue() instanceof Boolean b) {
                    flags.put("verdict." + e.getKey(), b);
                }
            }
            for (String state : KDUMP_KERNEL_STATES) {
                flags.put("verdict.kdumpKernel=" + state, state.equals(v.get("kdumpKernel")));
            }
        }
        flags.put("expectations passed", r.passed());
        Iterable<String> lines = RunReport.logLines(r.result());
        List<LogPattern> patterns = new ArrayList<>(s.expect().log());
        s.expect().rates().ifPresent(rates -> {
            for (String key : rates.rates().keySet()) {
                try {
                    RateKey.parse(key).log().ifPresent(patterns::add);
                } catch (RateKey.Invalid e) {
                    throw new IllegalStateException("validated at load: " + e.getMessage());
                }
            }
        });
        for (LogPattern p : patterns) {
            var re = p.compile();
            flags.computeIfAbsent(RateKey.logFlag(p), k -> ExpectationChecker.anyMatch(lines, re));
        }
        return new SeedOutcome(s.seed(), flags);
    }
}
