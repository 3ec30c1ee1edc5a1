package dev.kdumpsim.scenarios.sweep;

import java.util.List;

/**
 * One point of a sweep with one seed. {@code values} line up with the plan's parameters;
 * {@code setArgs} are the {@code --set} arguments (the user's, then one per parameter, then
 * {@code seed=}) that load exactly this variant: {@code kdumpsim run FILE --set ...} reproduces it.
 */
public record Variant(int index, List<String> values, long seed, List<String> setArgs) {

    public Variant {
        values = List.copyOf(values);
        setArgs = List.copyOf(setArgs);
    }
}
