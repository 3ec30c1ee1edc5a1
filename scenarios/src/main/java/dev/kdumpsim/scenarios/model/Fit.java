package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.SimDuration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code kdumpsim fit} and {@code kdumpsim explore} may vary (docs/fit.md): each parameter a
 * {@code --set} path with a range or choices. {@code kdumpsim run} ignores this section. Absent,
 * or with no parameters, the search uses its default space (fit: the seed, the crash instant, kernel
 * #1's DMA rates and the kdump kernel's boot phases; explore: the same without the rates).
 */
@Doc("Search space of kdumpsim fit and explore: parameters with ranges or choices (ignored by kdumpsim run)")
public record Fit(
        @Doc("Parameters to search, each set like --set path=value (absent: the default space, docs/fit.md)") List<FitParameter> parameters,
        @Doc("A report line whose text matches is 'matched' when its simulated time is within this of the report's"
                + " (else 'matched at another time'); absent: 500ms") Optional<SimDuration> tolerance) {

    public Fit {
        parameters = List.copyOf(parameters);
    }
}
