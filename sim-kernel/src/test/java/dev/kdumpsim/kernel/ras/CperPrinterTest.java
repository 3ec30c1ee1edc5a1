package dev.kdumpsim.kernel.ras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.pci.AerRegisters;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.KernelVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** __ghes_print_estatus -> cper_estatus_print -> cper_print_pcie (drivers/firmware/efi/cper.c at 4.14.5, 5.7.14, 6.12.0). */
class CperPrinterTest {

    static final CperPcieError IGB_CMPLT_TO = new CperPcieError(1, CperSeverity.RECOVERABLE, 0, 3, 0, 0x0546, 0x4010, 0,
            0x0300, 0, 0, 0x8086, 0x10c9, 0x020000, false, 0, 0, 0x2000,
            new AerRegisters(0x00004000, 0, 0x00062011, 0x0e, new int[4], 0x8086, 0x10c9));

    private static List<String> print(String release, CperPcieError e) {
        Simulation sim = new Simulation(1);
        KernelLog log = new KernelLog(sim, "kdump", 0);
        new CperPrinter(KernelVersion.of(KernelRelease.parse(release))).print(new ConsolePrinter(sim, log), e, null);
        sim.run();
        return log.records().stream().map(LogRecord::text).toList();
    }

    @Test
    void v57RecoverableRecordLineForLine() {
        assertEquals(List.of(
                "{1}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1",
                "{1}[Hardware Error]: event severity: recoverable",
                "{1}[Hardware Error]:  Error 0, type: recoverable",
                "{1}[Hardware Error]:   section_type: PCIe error",
                "{1}[Hardware Error]:   port_type: 0, PCIe end point",
                "{1}[Hardware Error]:   version: 3.0",
                "{1}[Hardware Error]:   command: 0x0546, status: 0x4010",
                "{1}[Hardware Error]:   device_id: 0000:03:00.0",
                "{1}[Hardware Error]:   slot: 0",
                "{1}[Hardware Error]:   secondary_bus: 0x00",
                "{1}[Hardware Error]:   vendor_id: 0x8086, device_id: 0x10c9",
                "{1}[Hardware Error]:   class_code: 020000"), print("5.7.0", IGB_CMPLT_TO));
    }

    @Test
    void before54TheClassCodeBytesComeOutInMemoryOrder() {
        assertEquals("{1}[Hardware Error]:   class_code: 000002", print("4.19.0", IGB_CMPLT_TO).get(11), "6fb9367a15d1 (5.4)");
    }

    @Test
    void fromV54AFatalSectionCarriesItsAerRegistersAndFrom612EverySectionDoes() {
        CperPcieError fatal = new CperPcieError(1, CperSeverity.FATAL, 0, 3, 0, 0x0546, 0x4010, 0, 0x0300, 0, 0, 0x8086,
                0x10c9, 0x020000, true, 0x0011223344556677L, 0, 0x2000, IGB_CMPLT_TO.aer());
        List<String> l57 = print("5.7.0", fatal);
        assertEquals("{1}[Hardware Error]:   serial number: 0x44556677, 0x112233", l57.get(12), "0x%04x of a u32: at least 4 digits");
        assertEquals("{1}[Hardware Error]:   aer_uncor_status: 0x00004000, aer_uncor_mask: 0x00000000", l57.get(13));
        assertEquals(12, print("4.19.0", fatal).size() - 1, "4.19.0 has no AER lines (b194a77fcc40 reached 4.19.y in 4.19.77)");
        assertEquals(16, print("4.19.77", fatal).size());
        List<String> l612 = print("6.12.0", IGB_CMPLT_TO);
        assertEquals("{1}[Hardware Error]:   aer_cor_status: 0x00000000, aer_cor_mask: 0x00002000", l612.get(12));
        assertEquals("{1}[Hardware Error]:   TLP Header: 00000000 00000000 00000000 00000000", l612.get(15));
    }
}
