package dev.kdumpsim.kernel.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.pci.err.ErrorRecovery;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The native AER service driver (drivers/pci/pcie/aer.c at 5.7.14 and 6.8.0, aerdrv*.c at 4.14.5). */
class AerServiceDriverTest {

    private static AerServiceDriver probe(PcieErrorBed bed) {
        AerReporter reporter = new AerReporter(bed.rc, true, bed.ctx.version().get(Behaviours.AER_PRINT));
        AerServiceDriver aer = new AerServiceDriver(bed.ctx, bed.rc, reporter, new ErrorRecovery(bed.ctx, bed.rc, bed::driverOf),
                bed::devPrefix, () -> true);
        aer.probe();
        return aer;
    }

    @Test
    void staleStatusIsClearedSilentlyAtEnumeration() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        bed.logError(0, PciRegs.UNC_MALF_TLP); // left by the crashed kernel's time
        long cleared = PciAerInit.run(bed.ctx.version(), bed.rc, false);
        probe(bed);
        bed.runFor(1_000_000);
        assertEquals(0, bed.status(0), "pci_aer_init -> pci_aer_clear_status");
        assertEquals(1, cleared);
        assertEquals(List.of(), bed.lines(), "nothing is printed for it");
    }

    @Test
    void aNonFatalErrorIsReportedWhenItArrivesThenRecovered() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        probe(bed);
        int devctl = bed.rc.configRead(bed.fn(0).bdf(), PciRegs.EXP_DEVCTL, 2);
        assertTrue((devctl & PciRegs.EXP_DEVCTL_NFERE) != 0, "set_downstream_devices_error_reporting enabled reporting");
        bed.fn(0).detectUncorrectableError(PciRegs.UNC_COMP_TIME);
        bed.runFor(100_000_000);
        assertEquals(List.of(
                "pcieport 0000:00:00.0: AER: Uncorrected (Non-Fatal) error received: 0000:01:00.0",
                "pci 0000:01:00.0: AER: PCIe Bus Error: severity=Uncorrected (Non-Fatal), type=Transaction Layer, (Requester ID)",
                "pci 0000:01:00.0: AER:   device [17cb:0401] error status/mask=00004000/00000000",
                "pci 0000:01:00.0: AER:    [14] CmpltTO                (First)",
                "pci 0000:01:00.0: AER: can't recover (no error_detected callback)",
                "pci 0000:01:00.1: AER: can't recover (no error_detected callback)",
                "pcieport 0000:00:00.0: AER: device recovery failed"), bed.lines());
    }

    @Test
    void aFatalErrorFromAnEndpointIsInaccessible() {
        PcieErrorBed bed = new PcieErrorBed("6.8.0");
        probe(bed);
        bed.fn(0).detectUncorrectableError(PciRegs.UNC_MALF_TLP); // severity 0x00062011: Malformed TLP is Fatal
        bed.runFor(3_000_000_000L);
        List<String> l = bed.lines();
        assertEquals("pcieport 0000:00:00.0: AER: Uncorrectable (Fatal) error message received from 0000:01:00.0", l.get(0));
        assertEquals("pci 0000:01:00.0: AER: PCIe Bus Error: severity=Uncorrectable (Fatal), type=Inaccessible,"
                + " (Unregistered Agent ID)", l.get(1));
        assertTrue(l.contains("pcieport 0000:00:00.0: AER: Root Port link has been reset (0)"));
    }

    @Test
    void v414PrintsTheRequesterIdForm() {
        PcieErrorBed bed = new PcieErrorBed("4.14.0");
        probe(bed);
        bed.fn(0).detectUncorrectableError(PciRegs.UNC_COMP_TIME);
        bed.runFor(100_000_000);
        assertEquals("pcieport 0000:00:00.0: AER: Uncorrected (Non-Fatal) error received: id=0100", bed.lines().get(0));
        assertEquals("pci 0000:01:00.0: PCIe Bus Error: severity=Uncorrected (Non-Fatal), type=Transaction Layer,"
                + " id=0100(Requester ID)", bed.lines().get(1));
    }


    @Test
    void from616ADevicesNonFatalLinesAreRatelimited() {
        for (String v : List.of("6.14.0", "6.16.0")) {
            PcieErrorBed bed = new PcieErrorBed(v);
            probe(bed);
            for (int i = 0; i < 15; i++) {
                bed.fn(0).detectUncorrectableError(PciRegs.UNC_COMP_TIME);
                bed.runFor(20_000_000);
            }
            long portLines = bed.lines().stream().filter(l -> l.contains("error message received from 0000:01:00.0")).count();
            long recoveries = bed.lines().stream().filter(l -> l.endsWith("AER: device recovery failed")).count();
            assertEquals(15, recoveries, "recovery is never ratelimited (" + v + ")");
            assertEquals(v.equals("6.16.0") ? 10 : 15, portLines, "a57f2bfb4a58: 5 s, burst 10 per device (" + v + ")");
        }
    }
}
