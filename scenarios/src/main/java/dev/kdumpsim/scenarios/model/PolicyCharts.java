package dev.kdumpsim.scenarios.model;

import java.util.Optional;

/** One chart per value of the policy parameter: corruption rate and tainted pages against {@code x}. */
@Doc("Per-policy charts: corruption rate and mean tainted dump pages against another parameter")
public record PolicyCharts(
        @Doc(value = "Parameter path whose values each get a chart (the driver policy)", required = true) String policy,
        @Doc("Parameter path on the horizontal axis (absent: the first other parameter)") Optional<String> x) {
}
