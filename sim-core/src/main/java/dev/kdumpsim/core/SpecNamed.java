package dev.kdumpsim.core;

/**
 * A named variant a scenario file selects (a driver policy, a mitigation, a driver profile, ...):
 * the exact name written in the file and one line on what choosing it does. The kernel's own enums
 * and sim-pcie's carry these (it lives in sim-core, below both), so the scenario format, its JSON Schema and its reference use the same enum the
 * model runs instead of a hand-kept mirror.
 */
public interface SpecNamed {

    /** The name as written in scenario files ("2-level", "arm-smmu-v3@4.16"). */
    String specName();

    /** One line: what choosing this name does. */
    String description();
}
