package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.cli.common.UserInputException;
import dev.kdumpsim.cli.common.VersionProvider;
import dev.kdumpsim.cli.text.Style;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.RateCheck;
import dev.kdumpsim.scenarios.run.RunBudget;
import dev.kdumpsim.scenarios.run.SeedRuns;
import dev.kdumpsim.scenarios.run.SeedRuns.SeedOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code kdumpsim run FILE --seeds N} and {@code expect.rates}: the scenario under N seeds (the
 * file's seed, then the next N-1; scenarios' SeedRuns runs them), and how often each outcome
 * happened: every boolean verdict field, each kdumpKernel state, the expectations, and each
 * {@code expect.log} pattern, for reports that say "1 in 4 tries"; then each rate of
 * {@code expect.rates} with its bounds. The text is the same at any {@code --jobs}.
 */
final class SeedRates {

    private SeedRates() {
    }

    /** Each seed loaded from {@code file} with {@code overrides} and {@code seed=} (so every seed is validated). */
    static SeedRuns.Source source(Path file, List<String> overrides, long maxEvents) {
        return seed -> {
            List<String> o = new ArrayList<>(overrides);
            o.add("seed=" + seed);
            return ScenarioLoader.load(file, o, maxEvents);
        };
    }

    static List<SeedOutcome> run(Path file, List<String> overrides, long firstSeed, int seeds, int jobs, long maxEvents)
            throws InterruptedException {
        try {
            return SeedRuns.run(source(file, overrides, maxEvents), firstSeed, seeds, jobs, VersionProvider.version(), maxEvents);
        } catch (ScenarioException e) {
            throw new UserInputException(e.getMessage());
        } catch (RunBudget.Exceeded | IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
    }

    /** Runs {@code s}'s {@code expect.rates} (its seeds from its own seed), each seed loaded from {@code file}; empty without rates. */
    static List<RateCheck.Result> check(dev.kdumpsim.scenarios.model.Scenario s, Path file, List<String> overrides, int jobs, long maxEvents)
            throws InterruptedException {
        try {
            return RateCheck.run(s, source(file, overrides, maxEvents), jobs, VersionProvider.version(), maxEvents);
        } catch (ScenarioException e) {
            throw new UserInputException(e.getMessage());
        } catch (RunBudget.Exceeded | IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage());
        }
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

    /** {@code expect.rates} checked: one line per rate, passed or FAILED, with its count and bounds. */
    static String expected(List<RateCheck.Result> results, long firstSeed, Style st) {
        long failed = results.stream().filter(r -> !r.passed()).count();
        long n = results.isEmpty() ? 0 : results.get(0).seeds();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Rates (expect.rates) over %d seeds (%d to %d): %d checked, ", n, firstSeed,
                firstSeed + n - 1, results.size())).append(failed == 0 ? st.good("all passed") : st.bad(failed + " FAILED")).append('\n');
        for (RateCheck.Result r : results) {
            b.append("  ").append(r.passed() ? st.good("passed") : st.bad("FAILED")).append("  ").append(r.describe()).append('\n');
        }
        return b.toString();
    }
}
