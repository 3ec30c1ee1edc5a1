package dev.kdumpsim.scenarios.importer;

import java.util.ArrayList;
import java.util.List;

/** What the inputs did not say and the writer assumed instead, each named in the YAML's comments. */
public final class Assumptions {

    private final List<String> notes = new ArrayList<>();

    /** {@code field}: not in the input, {@code assumed} instead. */
    void add(String field, String assumed) {
        notes.add(field + ": " + assumed);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
