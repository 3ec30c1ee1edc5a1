package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.scenarios.value.IommuDriverName;
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
        @Doc("Kernel release as uname -r prints it (4.16.0, 4.19.50, 5.7.0-rc3+, 6.12.8-200.fc41.aarch64); every"
                + " version-dependent behaviour and log line follows it (absent: the behaviour the driver policy implies)")
        Optional<String> version,
        @Doc("IOMMU driver policy this kernel runs (alias of iommuDriver, its older name)") Optional<SmmuDriverPolicy> smmuDriver,
        @Doc("IOMMU driver policy this kernel runs, overriding its release's (absent: smmuDriver, else the release's policy,"
                + " else arm-smmu-v3@4.16); give one of the two") Optional<IommuDriverName> iommuDriver,
        @Doc(value = "IOMMU page size of DMA domains (older name of pageSize)", dflt = "4KiB") IovaGranule iovaGranule,
        @Doc("The kernel's PAGE_SIZE (arm64 4K or 64K kernels): its DMA domains' granule and what arm-smmu-v3 sizes its"
                + " queues by (5.3+: 'allocated N entries'); when given it sets iovaGranule") Optional<IovaGranule> pageSize,
        @Doc("Boot phase durations (absent: sim-kernel's built-in timeline for this kernel)") BootPhases boot,
        @Doc("Drivers bound to endpoint functions in this kernel") List<DriverConfig> drivers,
        @Doc(value = "How AER errors are printed (PCI enumeration in the kdump kernel)", dflt = "firmware-first") AerFormat aer) {

    public Kernel {
        drivers = List.copyOf(drivers);
        if (pageSize != null && pageSize.isPresent()) {
            iovaGranule = pageSize.get();
        }
        if (iommuDriver.isPresent() && smmuDriver.isEmpty() && "smmuv3".equals(iommuDriver.get().model())) {
            smmuDriver = Optional.of(SmmuDriverPolicy.bySpecName(iommuDriver.get().specName()));
        }
    }

    /** A kernel configured by {@code smmuDriver} alone (the form before iommuDriver existed). */
    public Kernel(String cmdline, SmmuDriverPolicy smmuDriver, IovaGranule iovaGranule, BootPhases boot, List<DriverConfig> drivers,
            AerFormat aer) {
        this(cmdline, Optional.empty(), Optional.of(smmuDriver), Optional.empty(), iovaGranule, Optional.empty(), boot, drivers,
                aer);
    }

    /** The policy the file names (iommuDriver, else smmuDriver), if it names one: an override of the release's. */
    public Optional<String> namedPolicy() {
        return iommuDriver.map(IommuDriverName::specName).or(() -> smmuDriver.map(SmmuDriverPolicy::specName));
    }

    /** The IOMMU driver policy for a kernel without a release: the named one, else arm-smmu-v3@4.16. */
    public SmmuDriverPolicy driverPolicy() {
        return smmuDriver.orElse(SmmuDriverPolicy.V4_16);
    }

    /** The IOMMU driver policy in force (the one {@link #driverPolicy()} names; alias kept for readers). */
    public SmmuDriverPolicy smmuDriverPolicy() {
        return driverPolicy();
    }
}
