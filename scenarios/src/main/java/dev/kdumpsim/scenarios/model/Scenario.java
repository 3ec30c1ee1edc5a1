package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.kernel.policy.Mitigation;
import java.util.List;
import java.util.Optional;

/** A scenario file: a machine, two kernels, a crash, mitigations, and what must be observed. */
@Doc("A kdumpsim scenario: a machine, two kernels, a crash timeline, mitigations and expectations")
public record Scenario(
        @Doc(value = "Short identifier of the scenario, used in reports", required = true) String name,
        @Doc(value = "What the scenario shows and where it comes from", dflt = "''") String description,
        @Doc(value = "Seed of all random streams (same seed, same run)", dflt = "1") long seed,
        @Doc("The machine: DRAM, SMMU and PCIe") Platform platform,
        @Doc("The crashing kernel #1 and the kdump kernel") Kernels kernels,
        @Doc("Mitigations applied (docs/model-kernel.md)") List<Mitigation> mitigations,
        @Doc("Actions at simulated times: panic, resets, config writes, run-until") List<TimelineAction> timeline,
        @Doc("Assertions checked after the run") Expectations expect,
        @Doc("Batch sweep over this scenario (kdumpsim sweep; ignored by kdumpsim run)") Optional<Sweep> sweep,
        @Doc("Search space of kdumpsim fit and explore (ignored by kdumpsim run)") Optional<Fit> fit) {

    public Scenario {
        mitigations = List.copyOf(mitigations);
        timeline = List.copyOf(timeline);
    }
}
