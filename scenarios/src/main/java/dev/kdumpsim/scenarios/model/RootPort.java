package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.Bdf;

/** A root port (type 1 header; its bridge control register does Secondary Bus Reset). */
@Doc("A PCIe root port")
public record RootPort(
        @Doc(value = "BDF of the root port", required = true) Bdf bdf) {
}
