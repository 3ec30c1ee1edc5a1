package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.RateBounds;
import dev.kdumpsim.scenarios.model.RateExpectations;
import dev.kdumpsim.scenarios.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code expect.rates} against the outcomes of its seeds: each rate's count, fraction and bounds. */
public final class RateCheck {

    /** One rate: {@code count} of {@code seeds} seeds held, against {@code bounds}. */
    public record Result(String key, long count, long seeds, RateBounds bounds) {

        public boolean passed() {
            return bounds.contains(count, seeds);
        }

        /** "verdict.dumpSaved=true: 31/40 = 0.775 (expected 0.6..)". */
        public String describe() {
            return String.format(Locale.ROOT, "%s: %d/%d = %.3f (expected %s)", key, count, seeds,
                    seeds == 0 ? 0.0 : (double) count / seeds, bounds);
        }

        /** The failure line, as the other expectations word theirs ("rates KEY: ..."). */
        public String failure() {
            return "rates " + describe();
        }
    }

    private RateCheck() {
    }

    /**
     * Runs a scenario's {@code expect.rates}: its {@code seeds} seeds from the scenario's own seed
     * (through {@code source}, so each is loaded and validated), then checks every rate. Empty when
     * the scenario has no rates.
     */
    public static List<Result> run(Scenario s, SeedRuns.Source source, int jobs, String version, long maxEvents)
            throws ScenarioException, InterruptedException {
        if (s.expect().rates().isEmpty()) {
            return List.of();
        }
        RateExpectations rates = s.expect().rates().get();
        return check(rates, SeedRuns.run(source, s.seed(), rates.seeds(), jobs, version, maxEvents));
    }

    public static List<Result> check(RateExpectations rates, List<SeedRuns.SeedOutcome> outcomes) {
        List<Result> out = new ArrayList<>();
        for (Map.Entry<String, RateBounds> e : rates.rates().entrySet()) {
            RateKey k;
            try {
                k = RateKey.parse(e.getKey());
            } catch (RateKey.Invalid x) {
                throw new IllegalStateException("validated at load: " + x.getMessage());
            }
            long count = outcomes.stream().filter(o -> Boolean.valueOf(k.when()).equals(o.flags().get(k.flag()))).count();
            out.add(new Result(e.getKey(), count, outcomes.size(), e.getValue()));
        }
        return out;
    }
}
