package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.RateExpectations;
import dev.kdumpsim.scenarios.run.RateKey;

/** {@code expect.rates}: a sensible number of seeds, every key in the rate grammar (run.RateKey). */
final class RateChecks {

    /** Most seeds a file may ask for: rates are for "1 in 4" questions, not for sweeps (use kdumpsim sweep). */
    static final int MAX_SEEDS = 10_000;

    private final Locations at;

    RateChecks(Locations at) {
        this.at = at;
    }

    void check(RateExpectations r) throws ScenarioException {
        if (r.seeds() < 1 || r.seeds() > MAX_SEEDS) {
            throw at.error(r, "seeds", "expect.rates.seeds must be 1 to " + MAX_SEEDS + ", not " + r.seeds(),
                    "40 seeds tell 25% from 50%; a sweep is for more");
        }
        if (r.rates().isEmpty()) {
            throw at.error(r, "seeds", "expect.rates names no rate", "add e.g. 'verdict.dumpSaved=true: {min: 0.6}'");
        }
        for (String key : r.rates().keySet()) {
            try {
                RateKey.parse(key);
            } catch (RateKey.Invalid e) {
                throw at.errorAtKey(r, null, key, "expect." + e.getMessage(), e.hint());
            }
        }
    }
}
