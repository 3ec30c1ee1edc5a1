package dev.kdumpsim.kernel.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.EndpointParams;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.RootComplexParams;
import dev.kdumpsim.pcie.aer.AerCapability;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AER printing from the registers of a function that logged the report's Malformed TLP (status 0x00040000). */
class AerReporterTest {

    private Simulation sim;
    private RootComplex rc;
    private PcieBridge rp;
    private EndpointFunction fn;
    private KernelLog log;
    private ConsolePrinter out;

    @BeforeEach
    void setUp() {
        sim = new Simulation(1);
        rc = new RootComplex(sim, new PhysicalMemory(sim), Iommu.NONE, RootComplexParams.REPORT_2018);
        rp = rc.addRootPort(0, 1);
        rc.enableAllBridges();
        fn = rp.attachEndpoint(EndpointParams.report2018("nic")).function(0);
        AerCapability.logUncorrectable(fn.configSpace(), 18, true, 0x0a00a000, 0x00008100, 0x01010100, 0x00000000);
        log = new KernelLog(sim, "kdump", 0);
        out = new ConsolePrinter(sim, log);
    }

    private List<String> texts() {
        return log.records().stream().map(LogRecord::text).toList();
    }

    @Test
    void firmwareFirstFormatAsTheReportShowsIt() {
        AerReporter r = new AerReporter(rc, false);
        assertTrue(r.report(out, fn.bdf(), "pci 0000:01:00.0: ", rp.bdf()));
        sim.run();
        assertEquals(List.of(
                "pci 0000:01:00.0: aer_status: 0x00040000, aer_mask: 0x00000000",
                "pci 0000:01:00.0: Malformed TLP",
                "pci 0000:01:00.0: aer_layer=Transaction Layer, aer_agent=Receiver ID",
                "pci 0000:01:00.0: aer_uncor_severity: 0x00062011",
                "pci 0000:01:00.0: TLP Header: 0a00a000 00008100 01010100 00000000"), texts());
        assertEquals(List.of("Malformed TLP"), r.reportedErrors(fn.bdf()));
    }

    @Test
    void nativeFormatOfV52() {
        AerReporter r = new AerReporter(rc, true);
        assertTrue(r.report(out, fn.bdf(), "pci 0000:01:00.0: ", rp.bdf()));
        sim.run();
        String ids = String.format("%04x:%04x", rc.configRead(fn.bdf(), PciRegs.VENDOR_ID, 2),
                rc.configRead(fn.bdf(), PciRegs.DEVICE_ID, 2));
        // severity 0x00062011 marks bit 18 fatal
        assertEquals(List.of(
                "pcieport 0000:00:00.0: AER: Uncorrected (Fatal) error received: 0000:01:00.0",
                "pci 0000:01:00.0: AER: PCIe Bus Error: severity=Uncorrected (Fatal), type=Transaction Layer, (Receiver ID)",
                "pci 0000:01:00.0: AER:   device [" + ids + "] error status/mask=00040000/00000000",
                "pci 0000:01:00.0: AER:    [18] MalfTLP                (First)",
                "pci 0000:01:00.0: AER:   TLP Header: 0a00a000 00008100 01010100 00000000"), texts());
    }

    @Test
    void reportingClearsTheStickyStatusSoItIsReportedOnce() {
        AerReporter r = new AerReporter(rc, false);
        assertTrue(r.report(out, fn.bdf(), "pci 0000:01:00.0: ", rp.bdf()));
        assertEquals(0, rc.configRead(fn.bdf(), PciRegs.ERR_UNCOR_STATUS, 4));
        assertFalse(r.report(out, fn.bdf(), "pci 0000:01:00.0: ", rp.bdf()));
        assertEquals(1, r.reports());
    }

    @Test
    void aFunctionWithNoErrorsPrintsNothing() {
        EndpointFunction clean = rp.endpoints().get(0).function(1);
        AerReporter r = new AerReporter(rc, false);
        assertEquals(0, rc.configRead(clean.bdf(), PciRegs.ERR_UNCOR_STATUS, 4));
        assertFalse(r.report(out, clean.bdf(), "pci 0000:01:00.1: ", rp.bdf()));
        assertTrue(log.records().isEmpty());
    }
}
