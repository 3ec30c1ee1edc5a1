package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.SimDuration;
import java.util.Optional;

/** Durations of the boot phases of sim-kernel's BootTimeline (names as in BootTimeline). */
@Doc("Boot phase durations; each absent one keeps the built-in value (kdump kernel: SMMU probe at 7.018304s as in the report)")
public record BootPhases(
        @Doc("Initcalls before the SMMU driver probes (phase early-init)") Optional<SimDuration> earlyInit,
        @Doc("arm-smmu-v3 probe and platform devices (phase smmu-probe)") Optional<SimDuration> smmuProbe,
        @Doc("PCI enumeration and AER reporting (phase pci-enumeration)") Optional<SimDuration> pciEnumeration,
        @Doc("Driver probes (phase drivers)") Optional<SimDuration> drivers,
        @Doc("Userspace until the dump is saved (phase userspace)") Optional<SimDuration> userspace) {
}
