package dev.kdumpsim.scenarios.model;

/** An enumerated scenario value: the exact name written in a file, and what it means. */
public interface SpecName {

    /** The name as written in scenario files ("2-level", "arm-smmu-v3@4.16"). */
    String specName();

    /** One line: what choosing this name does. */
    String description();
}
