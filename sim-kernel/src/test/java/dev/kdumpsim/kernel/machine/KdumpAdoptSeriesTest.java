package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.driver.DriverProfile;
import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.iommu.SmmuV3Config;
import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.kernel.verdict.LedgerFate;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointErrorProfile;
import dev.kdumpsim.pcie.EndpointParams;
import dev.kdumpsim.pcie.RootComplexParams;
import dev.kdumpsim.smmuv3.SmmuParameters;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kdump-adopt series as review changed it: v7 hands the kdump kernel's first DMA domain an
 * ASID an adopted context descriptor still uses, and the SMMU's TLB, tagged by ASID (IHI0070
 * §3.17), lets the crashed kernel's still-running device hit the new domain's entries; v10
 * reserves those ASIDs. The series' gates fall back to the reset path.
 */
class KdumpAdoptSeriesTest {

    /**
     * The bundled sweep's point that showed corruption: the adapter 01:00.x streams in kernel #1
     * (a 4 MiB footprint at 2000 DMA/s) and has no driver in the kdump kernel, whose only driver is
     * the HBA 02:00.0's: its domain is the kdump kernel's first, as the adapter's was kernel #1's.
     */
    static MachineConfig machine(long seed, SmmuDriverPolicy p) {
        int adapter = Bdf.parse("01:00.0");
        int hba = Bdf.parse("02:00.0");
        KernelConfig first = new KernelConfig("console=ttyAMA0 crashkernel=1G", SmmuDriverPolicy.V4_16, 4096,
                BootTimeline.firstKernelDefault(), List.of(
                        new DriverSpec(adapter, DriverProfile.NIC, 1, 1024, 2048, 4 * Machines.MIB, 2000),
                        new DriverSpec(hba, DriverProfile.STORAGE, 1, 64, 4096, Machines.MIB, 500)), false);
        // the sweep's fast kdump boot: the adapter is still streaming when the HBA's domain is made
        BootTimeline fast = BootTimeline.kdumpKernelOfReport().withDuration(BootTimeline.EARLY_INIT, 300_000_000L)
                .withDuration(BootTimeline.SMMU_PROBE, 200_000_000L).withDuration(BootTimeline.PCI_ENUMERATION, 100_000_000L)
                .withDuration(BootTimeline.DRIVERS, 100_000_000L);
        KernelConfig kdump = new KernelConfig("console=ttyAMA0 reset_devices maxcpus=1", p, 4096, fast,
                List.of(new DriverSpec(hba, DriverProfile.STORAGE, 1, 64, 4096, Machines.MIB, 1000)), false);
        EndpointParams a = EndpointParams.report2018("nic").withErrorProfile(
                EndpointErrorProfile.DEFECTIVE_COMPLETION.withWedgeAfterErrors(16));
        return new MachineConfig(seed, DramLayout.of(0, 16L << 30), SmmuParameters.defaults(), 7,
                RootComplexParams.REPORT_2018, List.of(Bdf.parse("00:00.0"), Bdf.parse("00:01.0")),
                List.of(new EndpointConfig(adapter, Bdf.parse("00:00.0"), a),
                        new EndpointConfig(hba, Bdf.parse("00:01.0"), EndpointParams.defaults("hba"))),
                first, kdump, Set.of(), List.of(TimelineEvent.panic(600 * Machines.S)),
                MachineConfig.DEFAULT_STEADY_STATE_WINDOW_NS);
    }

    @Test
    void v7SharesTlbEntriesThroughAReusedAsidAndV10DoesNot() {
        long v7Stale = 0;
        for (long seed = 1; seed <= 4; seed++) {
            RunResult v7 = new Machine(machine(seed, SmmuDriverPolicy.KDUMP_ADOPT_V7)).run();
            v7Stale += v7.fates().get(LedgerFate.TRANSLATED_STALE_INTO_KDUMP);
            RunResult v10 = new Machine(machine(seed, SmmuDriverPolicy.KDUMP_ADOPT)).run();
            assertEquals(0, v10.fates().get(LedgerFate.TRANSLATED_STALE_INTO_KDUMP), "v10 reserves the adopted ASIDs (seed " + seed + ")");
            assertFalse(v10.verdict().kdumpCorrupted());
        }
        assertTrue(v7Stale > 0, "v7: the crashed kernel's device translated through the kdump kernel's new tables");
    }

    @Test
    void aNonCoherentSmmuIsResetInstead() {
        MachineConfig c = machine(1, SmmuDriverPolicy.KDUMP_ADOPT);
        MachineConfig nc = new MachineConfig(c.seed(), c.arch(), c.dram(),
                new SmmuV3Config(SmmuParameters.defaults().withCoherentAccess(false), c.evtqMaxShift()), c.rootComplex(),
                c.rootPorts(), c.switches(), c.endpoints(), c.first(), c.kdump(), c.mitigations(), c.timeline(),
                c.steadyStateWindowNs(), c.ras());
        String log = new Machine(nc).run().kdumpLog().stream().map(LogRecord::text).collect(Collectors.joining("\n"));
        assertTrue(log.contains("kdump: non-coherent SMMU unsupported; reset to block all DMAs"), log);
        assertTrue(log.contains("SMMU currently enabled! Resetting..."));
        assertFalse(log.contains("retaining SMMUEN"));
    }
}
