package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.arch.Arches;
import dev.kdumpsim.kernel.boot.BootTimeline;
import dev.kdumpsim.kernel.driver.DriverProfile;
import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.iommu.SmmuV3Config;
import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.kernel.verdict.LedgerFate;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointParams;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.PortType;
import dev.kdumpsim.pcie.RootComplexParams;
import dev.kdumpsim.smmuv3.SmmuParameters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Endpoints below a PCIe switch: root port 00:00.0, switch upstream port 01:00.0, downstream
 * ports 02:00.0 (NIC 03:00.x) and 02:01.0 (HBA 04:00.0). DMA is routed through the switch, and a
 * hot reset (Secondary Bus Reset, PCIe r5.0 §6.6.1) at one downstream port resets only the
 * device below it.
 */
class SwitchTopologyTest {

    static final long S = 1_000_000_000L;
    static final int RP = Bdf.parse("00:00.0");
    static final int UP = Bdf.parse("01:00.0");
    static final int DP_NIC = Bdf.parse("02:00.0");
    static final int DP_HBA = Bdf.parse("02:01.0");
    static final int NIC = Bdf.parse("03:00.0");
    static final int HBA = Bdf.parse("04:00.0");

    static MachineConfig config(List<TimelineEvent> timeline) {
        KernelConfig first = new KernelConfig("console=ttyAMA0 crashkernel=2G", SmmuDriverPolicy.V4_16, 4096,
                BootTimeline.firstKernelDefault(),
                List.of(new DriverSpec(NIC, DriverProfile.NIC, 8, 4096, 2048, 64L << 20, 8_000)), false);
        KernelConfig kdump = new KernelConfig("console=ttyAMA0 reset_devices maxcpus=1", SmmuDriverPolicy.V5_2, 4096,
                BootTimeline.kdumpKernelOfReport(),
                List.of(new DriverSpec(HBA, DriverProfile.STORAGE, 1, 256, 2048, 2L << 20, 10_000)), false);
        return new MachineConfig(7, Arches.ARM64, DramLayout.of(0, 16L << 30),
                new SmmuV3Config(SmmuParameters.defaults(), 7), RootComplexParams.REPORT_2018, List.of(RP),
                List.of(new SwitchConfig(UP, RP, List.of(DP_NIC, DP_HBA))),
                List.of(new EndpointConfig(NIC, DP_NIC, EndpointParams.defaults("nic").withFunctions(1)),
                        new EndpointConfig(HBA, DP_HBA, EndpointParams.defaults("hba").withFunctions(1))),
                first, kdump, Set.of(), timeline, MachineConfig.DEFAULT_STEADY_STATE_WINDOW_NS);
    }

    @Test
    void endpointsBelowASwitchAreEnumeratedAndTheirDmaIsTranslated() {
        Machine m = new Machine(config(List.of(TimelineEvent.panic(600 * S))));
        PcieBridge up = (PcieBridge) m.rootComplex().function(UP);
        assertEquals(PortType.SWITCH_UPSTREAM, up.type());
        assertEquals(PortType.SWITCH_DOWNSTREAM, ((PcieBridge) m.rootComplex().function(DP_NIC)).type());
        RunResult r = m.run();
        assertTrue(r.fates().get(LedgerFate.TRANSLATED) > 0, "no DMA through the switch was translated");
        assertEquals(r.issued(), r.accounted());
        assertTrue(r.verdict().dumpSaved(), r.verdict().dumpFailure());
    }

    @Test
    void aHotResetAtADownstreamPortResetsOnlyTheDeviceBelowIt() {
        TimelineEvent sbr = new TimelineEvent(TimelineEvent.Kind.SBR, 1 * S, true, DP_NIC, 0, 0, 0);
        RunResult quiet = new Machine(config(List.of(TimelineEvent.panic(600 * S)))).run();
        RunResult reset = new Machine(config(List.of(TimelineEvent.panic(600 * S), sbr))).run();
        // the NIC's stale DMA (kernel #1's rings) stops at the reset: fewer transactions issued after it
        assertTrue(reset.issued() < quiet.issued(), "hot reset did not stop the NIC's DMA: " + reset.issued()
                + " vs " + quiet.issued());
        assertEquals(reset.issued(), reset.accounted());
        // the HBA on the other downstream port keeps working: the dump is saved
        assertTrue(reset.verdict().dumpSaved(), reset.verdict().dumpFailure());
    }

    @Test
    void aSwitchUpstreamPortThatIsNotDeviceZeroOnItsParentsLinkIsRefused() {
        MachineConfig c = config(List.of(TimelineEvent.panic(600 * S)));
        MachineConfig bad = new MachineConfig(c.seed(), c.arch(), c.dram(), c.iommu(), c.rootComplex(), c.rootPorts(),
                List.of(new SwitchConfig(Bdf.parse("01:02.0"), RP, List.of(DP_NIC, DP_HBA))), c.endpoints(), c.first(),
                c.kdump(), c.mitigations(), c.timeline(), c.steadyStateWindowNs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Machine(bad));
        assertFalse(e.getMessage().isEmpty());
    }
}
