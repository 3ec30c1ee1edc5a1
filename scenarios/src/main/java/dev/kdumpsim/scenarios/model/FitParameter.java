package dev.kdumpsim.scenarios.model;

import java.util.List;
import java.util.Optional;

/** One searched parameter: a {@code --set} path and the values it may take, as choices or a continuous range. */
@Doc("A searched parameter: a --set path with choices (values) or a range lo..hi")
public record FitParameter(
        @Doc(value = "Dotted path as in --set (seed, timeline[0].at, kernels.first.drivers[1].dmaRatePerSec, kernels.kdump.boot.smmuProbe)",
                required = true) String path,
        @Doc("Choices, each written as for --set (the search picks among them)") List<String> values,
        @Doc("Instead of values: lo..hi, both ends included, of integers (4000..12000), sizes (1MiB..128MiB) or durations"
                + " (3600s..3600.01s); the search moves continuously inside it") Optional<String> range) {

    public FitParameter {
        values = List.copyOf(values);
    }
}
