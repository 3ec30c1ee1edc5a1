package dev.kdumpsim.scenarios.model;

import java.util.List;
import java.util.Optional;

/** One swept parameter: a {@code --set} path and its values, listed or as a range. */
@Doc("A swept parameter: a --set path with a list of values or a range")
public record SweepParameter(
        @Doc(value = "Dotted path as in --set (e.g. kernels.kdump.smmuDriver, kernels.first.drivers[0].iovaFootprint, mitigations)",
                required = true) String path,
        @Doc("Values, each written as for --set (a list value as text, e.g. \"[flr-all]\")") List<String> values,
        @Doc("Instead of values: lo..hi (step 1), lo..hi:step, or lo..hi:*factor, for integers, sizes (4KiB..1MiB:*4) and durations (1ms..5ms:1ms)")
                Optional<String> range) {

    public SweepParameter {
        values = List.copyOf(values);
    }
}
