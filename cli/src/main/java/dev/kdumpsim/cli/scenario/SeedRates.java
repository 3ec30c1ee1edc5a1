package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.cli.common.VersionProvider;
import dev.kdumpsim.scenarios.ScenarioException;
import dev.kdumpsim.scenarios.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.scenarios.value.LogPattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code kdumpsim run FILE --seeds N}: the scenario under N seeds (the file's seed, then the next
 * N-1), and how often each outcome happened: every boolean verdict field, the expectations, and
 * each {@code expect.log} pattern, for reports that say "1 in 4 tries". Seeds run in parallel;
 * the table is the same at any {@code --jobs}.
 */
final class SeedRates {

    /** What one seed showed. */
    record SeedOutcome(long seed, Map<String, Boolean> flags) {
    }

    private SeedRates() {
    }

    static List<SeedOutcome> run(Path file, List<String> overrides, long firstSeed, int seeds, int jobs, long maxEvents)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, seeds)));
        try {
            List<Future<SeedOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < seeds; i++) {
                long seed = firstSeed + i;
                futures.add(pool.submit(() -> one(file, overrides, seed, maxEvents)));
            }
            List<SeedOutcome> out = new ArrayList<>();
            for (Future<SeedOutcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
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

    private static SeedOutcome one(Path file, List<String> overrides, long seed, long maxEvents) {
        List<String> o = new ArrayList<>(overrides);
        o.add("seed=" + seed);
        Scenario s;
        try {
            s = ScenarioLoader.load(file, o, maxEvents);
        } catch (ScenarioException e) {
            throw new UserInputException(e.getMessage());
        }
        ScenarioRunner.Outcome r = ScenarioRunner.run(s, VersionProvider.version(), maxEvents);
        Map<String, Boolean> flags = new java.util.LinkedHashMap<>();
        Object verdict = r.report().get("verdict");
        if (verdict instanceof Map<?, ?> v) {
            for (var e : v.entrySet()) {
                if (e.getValue() instanceof Boolean b) {
                    flags.put("verdict." + e.getKey(), b);
                }
            }
        }
        flags.put("expectations passed", r.passed());
        List<String> lines = r.kernelLog().lines().toList();
        for (LogPattern p : s.expect().log()) {
            var re = p.compile();
            flags.put("log /" + p.regex() + "/", lines.stream().anyMatch(l -> re.matcher(l).find()));
        }
        return new SeedOutcome(seed, flags);
    }

    /** The rates table: each flag's count of true over the seeds, and the seeds where it was true (up to 10). */
    static String table(List<SeedOutcome> outcomes) {
        Map<String, List<Long>> trueSeeds = new java.util.LinkedHashMap<>();
        for (SeedOutcome o : outcomes) {
            for (var e : o.flags().entrySet()) {
                trueSeeds.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                if (e.getValue()) {
                    trueSeeds.get(e.getKey()).add(o.seed());
                }
            }
        }
        int n = outcomes.size();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "rates over %d seeds (%d to %d):%n", n, outcomes.get(0).seed(),
                outcomes.get(n - 1).seed()));
        for (var e : trueSeeds.entrySet()) {
            int k = e.getValue().size();
            String seeds = e.getValue().stream().limit(10).map(String::valueOf).reduce((x, y) -> x + " " + y).orElse("");
            b.append(String.format(Locale.ROOT, "  %4d/%d %6.1f%%  %s%s%n", k, n, 100.0 * k / n, e.getKey(),
                    k == 0 || k == n ? "" : "  (seeds " + seeds + (k > 10 ? " ..." : "") + ")"));
        }
        return b.toString();
    }
}
