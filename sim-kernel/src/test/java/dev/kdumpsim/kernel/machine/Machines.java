package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.driver.DriverProfile;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.KernelVersion;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointErrorProfile;
import dev.kdumpsim.pcie.EndpointParams;
import dev.kdumpsim.pcie.RootComplexParams;
import dev.kdumpsim.smmuv3.SmmuParameters;
import java.util.List;
import java.util.Set;

/** Machine configurations for tests: the 2018 report's machine and variations. */
final class Machines {

    static final long MIB = 1L << 20;
    static final long S = 1_000_000_000L;

    private Machines() {
    }

    static MachineConfig report2018(long seed, SmmuDriverPolicy kdumpPolicy, Set<Mitigation> mitigations, long rate,
            long footprint) {
        int ep = Bdf.parse("01:00.0");
        KernelConfig first = new KernelConfig("console=ttyAMA0 crashkernel=2G", SmmuDriverPolicy.V4_16, 4096,
                BootTimeline.firstKernelDefault(),
                List.of(new DriverSpec(ep + 1, DriverProfile.NIC, 8, 4096, 2048, footprint, rate)), false);
        KernelConfig kdump = new KernelConfig("console=ttyAMA0 reset_devices maxcpus=1", kdumpPolicy, 4096,
                BootTimeline.kdumpKernelOfReport(),
                List.of(new DriverSpec(Bdf.parse("01:00.0"), DriverProfile.STORAGE, 1, 256, 2048, 2 * MIB, 10_000)), false);
        return machine(seed, first, kdump, mitigations);
    }

    /** The 2018 machine with kernels of named releases; {@code kdumpOverride} replaces the kdump kernel's driver policy. */
    static MachineConfig report2018(long seed, String firstRelease, String kdumpRelease, SmmuDriverPolicy kdumpOverride) {
        MachineConfig base = report2018(seed, SmmuDriverPolicy.V4_16, Set.of(), 8_000, 128 * MIB);
        KernelConfig f = base.first();
        KernelConfig k = base.kdump();
        KernelRelease r1 = KernelRelease.parse(firstRelease);
        KernelRelease r2 = KernelRelease.parse(kdumpRelease);
        KernelConfig first = new KernelConfig(f.cmdline(), KernelVersion.of(r1), KernelConfig.smmuPolicyOf(r1),
                f.iovaGranuleBytes(), f.boot(), f.drivers(), f.aerNative());
        KernelConfig kdump = new KernelConfig(k.cmdline(), KernelVersion.of(r2),
                kdumpOverride != null ? kdumpOverride : KernelConfig.smmuPolicyOf(r2), k.iovaGranuleBytes(), k.boot(),
                k.drivers(), k.aerNative());
        return machine(seed, first, kdump, Set.of());
    }

    private static MachineConfig machine(long seed, KernelConfig first, KernelConfig kdump, Set<Mitigation> mitigations) {
        int ep = Bdf.parse("01:00.0");
        EndpointParams p = EndpointParams.report2018("nic").withErrorProfile(
                EndpointErrorProfile.DEFECTIVE_COMPLETION.withWedgeAfterErrors(16));
        return new MachineConfig(seed, DramLayout.of(0, 16L << 30), SmmuParameters.defaults(), 7,
                RootComplexParams.REPORT_2018, List.of(Bdf.parse("00:00.0")),
                List.of(new EndpointConfig(ep, Bdf.parse("00:00.0"), p)), first, kdump, mitigations,
                List.of(TimelineEvent.panic(600 * S)), MachineConfig.DEFAULT_STEADY_STATE_WINDOW_NS);
    }
}
