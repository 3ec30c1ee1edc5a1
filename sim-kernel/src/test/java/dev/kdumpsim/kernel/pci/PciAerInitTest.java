package dev.kdumpsim.kernel.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.pcie.config.PciRegs;
import org.junit.jupiter.api.Test;

/** pci_aer_init at enumeration (drivers/pci/pcie/aer.c pci_cleanup_aer_error_status_regs, 4.14.5 and 4.19.1). */
class PciAerInitTest {

    @Test
    void under419FirmwareFirstTheStatusIsLeftForFirmware() {
        for (String v : new String[] {"4.14.0", "4.19.0"}) {
            PcieErrorBed bed = new PcieErrorBed(v);
            bed.logError(0, PciRegs.UNC_MALF_TLP);
            long cleared = PciAerInit.run(bed.ctx.version(), bed.rc, true);
            boolean v414 = v.equals("4.14.0");
            assertEquals(v414 ? 1 : 0, cleared, "4.14 clears even under firmware first (" + v + ")");
            assertEquals(v414 ? 0 : 1 << PciRegs.UNC_MALF_TLP, bed.status(0));
        }
    }

    @Test
    void nativeAlwaysClearsAndAGoneFunctionIsLeftAlone() {
        PcieErrorBed bed = new PcieErrorBed("6.8.0");
        bed.logError(1, PciRegs.UNC_COMP_TIME);
        assertEquals(1, PciAerInit.run(bed.ctx.version(), bed.rc, false));
        assertEquals(0, bed.status(1));
        assertTrue(!PciAerInit.clear(bed.rc, 0x0900), "no function at 09:00.0: all ones, nothing written");
    }
}
