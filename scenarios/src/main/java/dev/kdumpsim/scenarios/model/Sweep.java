package dev.kdumpsim.scenarios.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch sweep over this scenario (issue 8): every combination of the parameters' values, each
 * run with {@code seeds} seeds ({@code seed}, {@code seed+1}, ..., {@code seed+seeds-1}), minus the
 * combinations an {@code exclude} filter matches. {@code kdumpsim run} ignores this section;
 * {@code kdumpsim sweep} expands it (docs/sweeps.md).
 */
@Doc("Batch sweep: parameters with values or ranges, seeds per point, exclusions and plot axes (kdumpsim sweep)")
public record Sweep(
        @Doc("Parameters to vary, slowest first; each variant sets them like --set path=value") List<SweepParameter> parameters,
        @Doc(value = "Seeds per parameter point: variants run with seed, seed+1, ..., seed+seeds-1", dflt = "1") int seeds,
        @Doc("Combinations to skip: a variant whose values equal every path: value of one entry is not run") List<Map<String, String>> exclude,
        @Doc("Axes of the corruption-rate heatmap (absent: the first two parameters)") Optional<HeatmapAxes> heatmap,
        @Doc("One chart per driver policy (absent: a parameter ending in iommuDriver or smmuDriver, if any)") Optional<PolicyCharts> policyCharts) {

    public Sweep {
        parameters = List.copyOf(parameters);
        exclude = exclude.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
    }
}
