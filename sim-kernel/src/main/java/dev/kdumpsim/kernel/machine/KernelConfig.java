package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.iova.IovaPolicy;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.kernel.version.AerPrintFormat;
import dev.kdumpsim.kernel.version.AerStaleStatus;
import dev.kdumpsim.kernel.version.Behaviour;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.KernelVersion;
import dev.kdumpsim.kernel.version.VersionTable;
import java.util.List;
import java.util.Map;

/**
 * One kernel of the story.
 *
 * @param cmdline its command line (crashkernel=, reset_devices, iommu.forcedac=, console=, ...)
 * @param version its release and the behaviours that follow from it
 * @param iommuPolicy the IOMMU driver behaviour it runs (a policy of the machine's IOMMU model):
 *     its release's, or an explicit {@code iommuDriver} override
 * @param iovaGranuleBytes IOMMU page size of its DMA domains (4 KiB or 64 KiB)
 * @param boot its boot phases
 * @param drivers drivers bound to endpoint functions
 * @param aerNative print AER errors in the v4.19+ native format instead of the report's
 *     firmware-first (GHES/CPER) format
 */
@KernelApi
public record KernelConfig(String cmdline, KernelVersion version, IommuDriverPolicy iommuPolicy, long iovaGranuleBytes,
        BootTimeline boot, List<DriverSpec> drivers, boolean aerNative) {

    public KernelConfig {
        drivers = List.copyOf(drivers);
        if (iovaGranuleBytes != 4096 && iovaGranuleBytes != 65536) {
            throw new IllegalArgumentException("iovaGranule must be 4 KiB or 64 KiB");
        }
    }

    /** A kernel that names no release: the behaviours its arm-smmu-v3 policy implies ({@link #unnamedVersion}). */
    public KernelConfig(String cmdline, SmmuDriverPolicy smmuPolicy, long iovaGranuleBytes, BootTimeline boot,
            List<DriverSpec> drivers, boolean aerNative) {
        this(cmdline, unnamedVersion(smmuPolicy), smmuPolicy, iovaGranuleBytes, boot, drivers, aerNative);
    }

    /**
     * The arm-smmu-v3 policy a release runs unless the scenario overrides it: the table's
     * {@link Behaviours#SMMU_KDUMP_RESET} (4.16's reset, b63b3439's abort, 3f54c447's abort then
     * reset, including its 4.19.y backport).
     */
    public static SmmuDriverPolicy smmuPolicyOf(KernelRelease release) {
        return SmmuDriverPolicy.bySpecName(VersionTable.at(Behaviours.SMMU_KDUMP_RESET, release));
    }

    /**
     * A kernel that names no release behaves as the wave-1 model did: 4.16's table values, with
     * the disable_bypass default, the event-dump ratelimit and the IOVA allocator of the release
     * or proposal its policy is named after.
     */
    public static KernelVersion unnamedVersion(SmmuDriverPolicy p) {
        Map<Behaviour<?>, Object> implied = Map.of(
                Behaviours.SMMU_DISABLE_BYPASS_DEFAULT, p.disableBypassDefault(),
                Behaviours.SMMU_EVENT_RATELIMIT, p.ratelimitedEventDump(),
                Behaviours.IOVA_ALLOCATOR, iovaPolicyOf(p),
                Behaviours.AER_PRINT, AerPrintFormat.REPORT_2018,
                Behaviours.AER_STALE_STATUS, AerStaleStatus.REPORTED_AT_ENUMERATION);
        return KernelVersion.unnamed(implied);
    }

    /** The IOVA allocator of the release an arm-smmu-v3 policy stands for (4.16-5.2: v4.19's; proposals: v6.6's). */
    public static IovaPolicy iovaPolicyOf(SmmuDriverPolicy p) {
        return switch (p) {
            case V4_16, V4_19, V5_2 -> IovaPolicy.V4_19;
            default -> IovaPolicy.V6_6;
        };
    }

    /** The arm-smmu-v3 policy, or null when the kernel drives another IOMMU model. */
    public SmmuDriverPolicy smmuPolicy() {
        return iommuPolicy instanceof SmmuDriverPolicy p ? p : null;
    }

    /**
     * Whether this kernel handles PCIe errors as its release does (native AER service or GHES,
     * recovery): every named release. A kernel that names no release keeps the wave-1 model, which
     * prints the status left logged at PCI enumeration ({@link AerStaleStatus#REPORTED_AT_ENUMERATION}).
     */
    public boolean handlesPcieErrors() {
        return version.get(Behaviours.AER_STALE_STATUS) != AerStaleStatus.REPORTED_AT_ENUMERATION;
    }

    /** Whether the platform's firmware owns AER for this kernel (firmware first): the kernel runs GHES. */
    public boolean firmwareFirst() {
        return handlesPcieErrors() && !aerNative;
    }

    /** The IOVA allocator behaviour of this kernel's release. */
    public IovaPolicy iovaPolicy() {
        return version.get(Behaviours.IOVA_ALLOCATOR);
    }
}
