package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.policy.SmmuDriverPolicy;
import java.util.List;

/**
 * One kernel of the story.
 *
 * @param cmdline its command line (crashkernel=, reset_devices, iommu.forcedac=, console=, ...)
 * @param smmuPolicy the arm-smmu-v3 driver it runs
 * @param iovaGranuleBytes IOMMU page size of its DMA domains (4 KiB or 64 KiB)
 * @param boot its boot phases
 * @param drivers drivers bound to endpoint functions
 * @param aerNative print AER errors in the v4.19+ native format instead of the report's
 *     firmware-first (GHES/CPER) format
 */
public record KernelConfig(String cmdline, SmmuDriverPolicy smmuPolicy, long iovaGranuleBytes, BootTimeline boot,
        List<DriverSpec> drivers, boolean aerNative) {

    public KernelConfig {
        drivers = List.copyOf(drivers);
        if (iovaGranuleBytes != 4096 && iovaGranuleBytes != 65536) {
            throw new IllegalArgumentException("iovaGranule must be 4 KiB or 64 KiB");
        }
    }
}
