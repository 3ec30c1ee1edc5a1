package dev.kdumpsim.scenarios.search;

import dev.kdumpsim.scenarios.model.Scenario;

/**
 * What a search maximises: a run of one candidate scenario, scored. Called from several threads
 * at once; each call must depend on its scenario alone (no shared mutable state), so the search
 * gives the same result at any number of jobs.
 */
@FunctionalInterface
public interface Objective {

    Scored evaluate(Scenario candidate);
}
