package dev.kdumpsim.scenarios.sweep;

import java.util.List;

/** A swept parameter resolved to its values (ranges expanded, {@code --param} applied). */
public record SweepAxis(String path, List<String> values) {

    public SweepAxis {
        values = List.copyOf(values);
    }
}
