package dev.kdumpsim.scenarios.model;

import java.util.List;

/** One kernel: command line, SMMU driver policy, IOVA granule, boot phases, drivers. */
@Doc("One kernel's configuration")
public record Kernel(
        @Doc(value = "Command line: crashkernel=, reset_devices, iommu.forcedac=, arm-smmu-v3.disable_bypass=", dflt = "''") String cmdline,
        @Doc(value = "arm-smmu-v3 driver policy this kernel runs", dflt = "arm-smmu-v3@4.16") SmmuDriverPolicy smmuDriver,
        @Doc(value = "IOMMU page size of DMA domains", dflt = "4KiB") IovaGranule iovaGranule,
        @Doc("Boot phase durations (absent: sim-kernel's built-in timeline for this kernel)") BootPhases boot,
        @Doc("Drivers bound to endpoint functions in this kernel") List<DriverConfig> drivers,
        @Doc(value = "How AER errors are printed (PCI enumeration in the kdump kernel)", dflt = "firmware-first") AerFormat aer) {

    public Kernel {
        drivers = List.copyOf(drivers);
    }
}
