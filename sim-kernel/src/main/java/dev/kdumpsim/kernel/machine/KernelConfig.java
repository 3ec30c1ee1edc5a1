package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.iova.IovaPolicy;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import java.util.List;

/**
 * One kernel of the story.
 *
 * @param cmdline its command line (crashkernel=, reset_devices, iommu.forcedac=, console=, ...)
 * @param iommuPolicy the IOMMU driver behaviour it runs (a policy of the machine's IOMMU model)
 * @param iovaPolicy the IOVA allocator behaviour of its release
 * @param iovaGranuleBytes IOMMU page size of its DMA domains (4 KiB or 64 KiB)
 * @param boot its boot phases
 * @param drivers drivers bound to endpoint functions
 * @param aerNative print AER errors in the v4.19+ native format instead of the report's
 *     firmware-first (GHES/CPER) format
 */
public record KernelConfig(String cmdline, IommuDriverPolicy iommuPolicy, IovaPolicy iovaPolicy, long iovaGranuleBytes,
        BootTimeline boot, List<DriverSpec> drivers, boolean aerNative) {

    public KernelConfig {
        drivers = List.copyOf(drivers);
        if (iovaGranuleBytes != 4096 && iovaGranuleBytes != 65536) {
            throw new IllegalArgumentException("iovaGranule must be 4 KiB or 64 KiB");
        }
    }

    /** A kernel whose IOVA allocator is the one of the release its SMMU driver policy names. */
    public KernelConfig(String cmdline, SmmuDriverPolicy smmuPolicy, long iovaGranuleBytes, BootTimeline boot,
            List<DriverSpec> drivers, boolean aerNative) {
        this(cmdline, smmuPolicy, iovaPolicyOf(smmuPolicy), iovaGranuleBytes, boot, drivers, aerNative);
    }

    /** The arm-smmu-v3 policy, or null when the kernel drives another IOMMU model. */
    public SmmuDriverPolicy smmuPolicy() {
        return iommuPolicy instanceof SmmuDriverPolicy p ? p : null;
    }

    /** The IOVA allocator of the release an arm-smmu-v3 policy stands for (4.16-5.2: v4.19's; proposals: v6.6's). */
    public static IovaPolicy iovaPolicyOf(SmmuDriverPolicy p) {
        return switch (p) {
            case V4_16, V4_19, V5_2 -> IovaPolicy.V4_19;
            default -> IovaPolicy.V6_6;
        };
    }
}
