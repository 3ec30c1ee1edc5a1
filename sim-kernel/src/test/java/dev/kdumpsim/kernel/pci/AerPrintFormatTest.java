package dev.kdumpsim.kernel.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.version.AerPrintFormat;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointParams;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.RootComplexParams;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.core.Iommu;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AER lines of each release family for one pending Malformed TLP (bit 18, First Error
 * Pointer 18; Fatal under the spec-default severity 0x00462030): v4.14 aerdrv_errprint.c, v4.19 and v5.2 drivers/pci/pcie/aer.c (cper_print_aer,
 * aer_print_port_info, aer_print_error), v6.8 (1291b716bbf9).
 */
class AerPrintFormatTest {

    static List<String> print(AerPrintFormat f, boolean nativeFormat) {
        Simulation sim = new Simulation(1);
        PhysicalMemory mem = new PhysicalMemory(sim);
        RootComplex rc = new RootComplex(sim, mem, Iommu.NONE, RootComplexParams.REPORT_2018);
        PcieBridge rp = rc.addRootPort(0, 1);
        rp.attachEndpoint(EndpointParams.defaults("ep"));
        rc.enableAllBridges();
        int bdf = Bdf.parse("01:00.0");
        // a stale Malformed TLP as the endpoint logged it: status bit 18, FEP 18, a header log
        rc.function(bdf).configSpace().hwSet(PciRegs.ERR_UNCOR_STATUS, 4, 1 << 18);
        rc.function(bdf).configSpace().hwPut(PciRegs.ERR_CAP, 4, (rc.function(bdf).configSpace().read(PciRegs.ERR_CAP, 4) & ~PciRegs.ERR_CAP_FEP_MASK) | 18);
        KernelLog log = new KernelLog(sim, "k", 0);
        ConsolePrinter out = new ConsolePrinter(sim, log);
        new AerReporter(rc, nativeFormat, f).report(out, bdf, "pci 0000:01:00.0: ", Bdf.parse("00:00.0"));
        sim.runUntil(10_000_000_000L);
        return log.records().stream().map(LogRecord::text).toList();
    }

    @Test
    void firmwareFirstPerRelease() {
        assertEquals("Malformed TLP", print(AerPrintFormat.V4_14, false).get(1), "4.14 cper_print_bits: bare long names");
        assertEquals("pci 0000:01:00.0:    [18] MalfTLP                (First)", print(AerPrintFormat.V4_19, false).get(1));
        assertEquals("pci 0000:01:00.0: AER: aer_status: 0x00040000, aer_mask: 0x00000000", print(AerPrintFormat.V5_2, false).get(0));
        assertEquals("pci 0000:01:00.0: AER:    [18] MalfTLP                (First)", print(AerPrintFormat.V5_2, false).get(1));
    }

    @Test
    void nativePerRelease() {
        assertEquals("pcieport 0000:00:00.0: AER: Uncorrected (Fatal) error received: id=0100", print(AerPrintFormat.V4_14, true).get(0));
        assertEquals("pci 0000:01:00.0:    [18] Malformed TLP          (First)", print(AerPrintFormat.V4_14, true).get(3));
        assertEquals("pci 0000:01:00.0: PCIe Bus Error: severity=Uncorrected (Fatal), type=Transaction Layer, (Receiver ID)",
                print(AerPrintFormat.V4_19, true).get(1));
        assertEquals("pcieport 0000:00:00.0: AER: Uncorrectable (Fatal) error message received from 0000:01:00.0",
                print(AerPrintFormat.V6_8, true).get(0));
    }
}
