package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.arch.Arches;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.driver.DriverProfile;
import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.iommu.VtdConfig;
import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.KernelVersion;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointErrorProfile;
import dev.kdumpsim.pcie.EndpointParams;
import dev.kdumpsim.pcie.RootComplexParams;
import java.util.List;
import java.util.Set;

/**
 * x86_64 machines with one VT-d unit for tests: 16 GiB with the PCI hole at 3 GiB, a root port
 * 00:1c.0 with a two-function device on bus 1 (01:00.1 a NIC kernel #1 drives, 01:00.0 the HBA
 * the kdump kernel dumps to), kernel #1 running DMA until a panic at 600 s.
 */
final class X86Machines {

    static final long MIB = 1L << 20;
    static final long S = 1_000_000_000L;
    static final String KERNEL1_CMDLINE = "console=ttyS0,115200 crashkernel=512M intel_iommu=on";
    static final String KDUMP_CMDLINE = "console=ttyS0,115200 reset_devices maxcpus=1 intel_iommu=on";

    private X86Machines() {
    }

    /** Both kernels of {@code release}, each running the policy the version table gives it. */
    static MachineConfig vtd(long seed, String release) {
        return vtd(seed, release, release, null, KDUMP_CMDLINE, 8_000, 128 * MIB);
    }

    /**
     * @param kdumpPolicy overrides the kdump kernel's policy (null: its release's)
     * @param rate kernel #1's NIC packets per second; {@code footprint} its IOVA footprint
     */
    static MachineConfig vtd(long seed, String firstRelease, String kdumpRelease, IommuDriverPolicy kdumpPolicy,
            String kdumpCmdline, long rate, long footprint) {
        int port = Bdf.parse("00:1c.0");
        int hba = Bdf.parse("01:00.0");
        KernelRelease r1 = KernelRelease.parse(firstRelease);
        KernelRelease r2 = KernelRelease.parse(kdumpRelease);
        KernelConfig first = new KernelConfig(KERNEL1_CMDLINE, KernelVersion.of(r1),
                IommuPolicies.defaultPolicy(VtdConfig.MODEL, r1), 4096, BootTimeline.firstKernelDefault(),
                List.of(new DriverSpec(hba + 1, DriverProfile.NIC, 8, 4096, 2048, footprint, rate)), false);
        KernelConfig kdump = new KernelConfig(kdumpCmdline, KernelVersion.of(r2),
                kdumpPolicy != null ? kdumpPolicy : IommuPolicies.defaultPolicy(VtdConfig.MODEL, r2), 4096,
                BootTimeline.kdumpKernelOfReport(),
                List.of(new DriverSpec(hba, DriverProfile.STORAGE, 1, 256, 2048, 2 * MIB, 10_000)), false);
        return new MachineConfig(seed, Arches.X86_64, DramLayout.x86(16L << 30, 3L << 30), VtdConfig.defaults(),
                RootComplexParams.VTD_PLATFORM, List.of(port), List.of(),
                List.of(new EndpointConfig(hba, port, EndpointParams.report2018("nic").withErrorProfile(EndpointErrorProfile.NORMAL))), first, kdump, Set.of(),
                List.of(TimelineEvent.panic(600 * S)), MachineConfig.DEFAULT_STEADY_STATE_WINDOW_NS);
    }
}
