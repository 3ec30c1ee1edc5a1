package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.error.Suggest;
import dev.kdumpsim.scenarios.model.HeatmapAxes;
import dev.kdumpsim.scenarios.model.PolicyCharts;
import dev.kdumpsim.scenarios.model.Sweep;
import dev.kdumpsim.scenarios.model.SweepParameter;
import dev.kdumpsim.scenarios.value.ValueRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks of a {@code sweep:} section beyond its types, located like every other scenario error:
 * parameters need values or a range (not both), distinct paths and values, a well-formed range;
 * seeds at least 1; exclude filters and plot axes must name swept parameters (and listed values),
 * so a typo never silently runs or skips the wrong variants. Whether a value fits its path's type
 * is checked when the sweep is expanded ({@code sweep.SweepPlan}), by loading the scenario with it.
 */
public final class SweepValidator {

    /** More seeds per point than this is a typo. */
    public static final int MAX_SEEDS = 1_000_000;

    private final Locations at;

    public SweepValidator(Locations locations) {
        this.at = locations;
    }

    public void validate(Sweep sweep) throws ScenarioException {
        if (sweep.seeds() < 1 || sweep.seeds() > MAX_SEEDS) {
            throw at.error(sweep, "seeds", "seeds per point must be 1 to " + MAX_SEEDS + ", not " + sweep.seeds(), "1 runs each point once");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (SweepParameter p : sweep.parameters()) {
            values.put(p.path().strip(), parameter(p, values));
        }
        List<String> paths = new ArrayList<>(values.keySet());
        for (int i = 0; i < sweep.exclude().size(); i++) {
            Map<String, String> filter = sweep.exclude().get(i);
            if (filter.isEmpty()) {
                throw at.error(sweep, "exclude", i, "an empty exclude filter would skip every variant", "write {path: value, ...}");
            }
            for (Map.Entry<String, String> e : filter.entrySet()) {
                List<String> v = values.get(e.getKey().strip());
                if (v == null) {
                    throw at.error(sweep, "exclude", i, "exclude names '" + e.getKey() + "', which is not a swept parameter", Suggest.hint(e.getKey(), paths));
                }
                if (!v.contains(e.getValue().strip())) {
                    throw at.error(sweep, "exclude", i, "exclude value '" + e.getValue() + "' is not a value of " + e.getKey() + ", so it never matches",
                            "values are " + String.join(", ", v));
                }
            }
        }
        if (sweep.heatmap().isPresent()) {
            HeatmapAxes h = sweep.heatmap().get();
            axis(h, "x", h.x(), paths);
            axis(h, "y", h.y(), paths);
            if (h.x().strip().equals(h.y().strip())) {
                throw at.error(h, "y", "heatmap x and y are the same parameter", "choose two different parameters");
            }
        }
        if (sweep.policyCharts().isPresent()) {
            PolicyCharts c = sweep.policyCharts().get();
            axis(c, "policy", c.policy(), paths);
            if (c.x().isPresent()) {
                axis(c, "x", c.x().get(), paths);
                if (c.x().get().strip().equals(c.policy().strip())) {
                    throw at.error(c, "x", "the chart's x axis is the policy parameter itself", "choose another parameter");
                }
            }
        }
    }

    private List<String> parameter(SweepParameter p, Map<String, List<String>> seen) throws ScenarioException {
        String path = p.path().strip();
        if (path.isEmpty()) {
            throw at.error(p, "path", "empty parameter path", "write e.g. kernels.kdump.smmuDriver");
        }
        if (path.equals("seed")) {
            throw at.error(p, "path", "the seed is not swept as a parameter", "write seeds: K for K seeds per point");
        }
        if (path.equals("sweep") || path.startsWith("sweep.") || path.startsWith("sweep[")) {
            throw at.error(p, "path", "a sweep cannot sweep its own sweep section", "name a scenario field");
        }
        if (seen.containsKey(path)) {
            throw at.error(p, "path", "parameter " + path + " is listed twice", "merge the two value lists");
        }
        List<String> values;
        if (p.range().isPresent()) {
            if (!p.values().isEmpty()) {
                throw at.error(p, "range", "give values or range, not both", "remove one");
            }
            try {
                values = ValueRange.expand(p.range().get());
            } catch (IllegalArgumentException e) {
                throw at.error(p, "range", e.getMessage(), "e.g. 1..8, 16..64:16, 4KiB..1MiB:*4, 1ms..5ms:1ms");
            }
        } else {
            if (p.values().isEmpty()) {
                throw at.error(p, "path", "parameter " + path + " has no values", "add values: [a, b] or range: lo..hi");
            }
            values = new ArrayList<>();
            for (int i = 0; i < p.values().size(); i++) {
                String v = p.values().get(i).strip();
                if (values.contains(v)) {
                    throw at.error(p, "values", i, "value '" + v + "' is listed twice", "remove one");
                }
                values.add(v);
            }
        }
        return values;
    }

    private void axis(Object record, String field, String path, List<String> paths) throws ScenarioException {
        if (!paths.contains(path.strip())) {
            throw at.error(record, field, "'" + path + "' is not a swept parameter", Suggest.hint(path, paths));
        }
    }
}
