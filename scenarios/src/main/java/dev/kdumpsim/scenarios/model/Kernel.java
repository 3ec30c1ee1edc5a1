package dev.kdumpsim.scenarios.model;

import java.util.List;
import java.util.Optional;

/**
 * One kernel: command line, IOMMU driver policy, IOVA granule, boot phases, drivers.
 * {@code iommuDriver} names the IOMMU driver policy for any IOMMU model; {@code smmuDriver} is its
 * older name and stays an alias (writing both is an error at load). When {@code iommuDriver} is
 * given, {@code smmuDriver} holds the same policy, so readers of either see the policy in force.
 */
@Doc("One kernel's configuration")
public record Kernel(
        @Doc(value = "Command line: crashkernel=, reset_devices, iommu.forcedac=, arm-smmu-v3.disable_bypass=", dflt = "''") String cmdline,
        @Doc(value = "IOMMU driver policy this kernel runs (alias of iommuDriver, its older name)", dflt = "arm-smmu-v3@4.16") SmmuDriverPolicy smmuDriver,
        @Doc("IOMMU driver policy this kernel runs (absent: smmuDriver); give one of the two") Optional<SmmuDriverPolicy> iommuDriver,
        @Doc(value = "IOMMU page size of DMA domains", dflt = "4KiB") IovaGranule iovaGranule,
        @Doc("Boot phase durations (absent: sim-kernel's built-in timeline for this kernel)") BootPhases boot,
        @Doc("Drivers bound to endpoint functions in this kernel") List<DriverConfig> drivers,
        @Doc(value = "How AER errors are printed (PCI enumeration in the kdump kernel)", dflt = "firmware-first") AerFormat aer) {

    public Kernel {
        drivers = List.copyOf(drivers);
        if (iommuDriver.isPresent()) {
            smmuDriver = iommuDriver.get();
        }
    }

    /** A kernel configured by {@code smmuDriver} alone (the form before iommuDriver existed). */
    public Kernel(String cmdline, SmmuDriverPolicy smmuDriver, IovaGranule iovaGranule, BootPhases boot, List<DriverConfig> drivers,
            AerFormat aer) {
        this(cmdline, smmuDriver, Optional.empty(), iovaGranule, boot, drivers, aer);
    }

    /** The IOMMU driver policy in force: iommuDriver, else smmuDriver (its default when neither is written). */
    public SmmuDriverPolicy driverPolicy() {
        return iommuDriver.orElse(smmuDriver);
    }
}
