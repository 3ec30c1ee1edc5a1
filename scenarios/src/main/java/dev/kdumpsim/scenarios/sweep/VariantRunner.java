package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.model.Scenario;

/**
 * Runs one sweep variant (a fully loaded, validated scenario) through the simulator. The CLI
 * finds the implementation with {@code ServiceLoader.load(VariantRunner.class)}; it is called from
 * several threads at once, so it must keep no shared mutable state. Same variant, same outcome:
 * the sweep's outputs are byte-identical across runs only if the runner is deterministic.
 */
public interface VariantRunner {

    /**
     * Runs {@code variant} and checks its expectations.
     *
     * @throws Exception when the simulation itself fails: the variant is reported as an error
     *     (a JUnit {@code <error>}), the sweep goes on
     */
    VariantOutcome run(Scenario variant) throws Exception;
}
