package dev.kdumpsim.scenarios.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an {@link Objective} made of one run: the number the search maximises and the detail the
 * command's outputs are written from (held in the journal, so outputs need no run again). The
 * detail must be JSON values (maps, lists, strings, longs, booleans) that read back equal.
 */
public record Scored(double score, Map<String, Object> detail) {

    /** Below every score a run can have: a run that failed. */
    public static final double FAILED = -1e9;

    public Scored {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, not " + score);
        }
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    /** A run that threw, or a point that did not load within the budget: it loses to every run that finished. */
    public static Scored failed(Throwable t) {
        return new Scored(FAILED, Map.of("error", t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())));
    }
}
