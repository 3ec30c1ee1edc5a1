package dev.kdumpsim.kernel.pci.err;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.pci.PcieErrorBed;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pcie_do_recovery and its predecessors, per release, on a Root Port with a two-function device
 * (drivers/pci/pcie/aer/aerdrv_core.c do_recovery at 4.14.5, drivers/pci/pcie/err.c at 4.19.1,
 * 5.7.14 and 6.8.0).
 */
class ErrorRecoveryTest {

    private static List<ErrorRecovery.Outcome> recover(PcieErrorBed bed, PciChannelState state) {
        List<ErrorRecovery.Outcome> out = new ArrayList<>();
        new ErrorRecovery(bed.ctx, bed.rc, bed::driverOf).recover(bed.fn(0).bdf(), state, out::add);
        bed.runFor(5_000_000_000L);
        return out;
    }

    @Test
    void v57NonFatalWithoutADriverCannotRecover() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        List<ErrorRecovery.Outcome> o = recover(bed, PciChannelState.NORMAL);
        assertEquals(PciErsResult.NO_AER_DRIVER, o.get(0).result());
        assertEquals(List.of("pci 0000:01:00.0: AER: can't recover (no error_detected callback)",
                "pci 0000:01:00.1: AER: can't recover (no error_detected callback)",
                "pcieport 0000:00:00.0: AER: device recovery failed"), bed.lines());
    }

    @Test
    void v57NonFatalWithIgbResetsTheSlotAndResumes() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        bed.bind(0, "igb");
        bed.bind(1, "igb");
        bed.runFor(10_000_000);
        bed.logError(0, PciRegs.UNC_COMP_TIME);
        List<ErrorRecovery.Outcome> o = recover(bed, PciChannelState.NORMAL);
        assertEquals(PciErsResult.RECOVERED, o.get(0).result());
        assertFalse(o.get(0).linkReset(), "the non-fatal path resets no link (the TODO in pcie_do_recovery)");
        assertEquals(List.of("pcieport 0000:00:00.0: AER: device recovery successful"), bed.lines());
        assertTrue(bed.busMaster(0), "slot_reset re-enabled the device, resume brought it up");
        assertEquals(0, bed.status(0), "pci_aer_clear_nonfatal_status cleared the non-fatal bit");
    }

    @Test
    void v57FatalTheLinkResetOverwritesTheVotes() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        List<ErrorRecovery.Outcome> o = recover(bed, PciChannelState.FROZEN);
        assertEquals(PciErsResult.RECOVERED, o.get(0).result());
        assertTrue(o.get(0).linkReset());
        assertEquals(List.of("pci 0000:01:00.0: AER: can't recover (no error_detected callback)",
                "pci 0000:01:00.1: AER: can't recover (no error_detected callback)",
                "pcieport 0000:00:00.0: AER: Root Port link has been reset",
                "pcieport 0000:00:00.0: AER: device recovery successful"), bed.lines());
        assertFalse(bed.busMaster(0), "the Secondary Bus Reset left the endpoint without Bus Master: its DMA stopped");
    }

    @Test
    void v68FatalKeepsTheVotesAndSaysWhichPortWasReset() {
        PcieErrorBed bed = new PcieErrorBed("6.8.0");
        List<ErrorRecovery.Outcome> o = recover(bed, PciChannelState.FROZEN);
        assertEquals(PciErsResult.NO_AER_DRIVER, o.get(0).result());
        assertTrue(bed.lines().contains("pcieport 0000:00:00.0: AER: Root Port link has been reset (0)"));
        assertEquals("pcieport 0000:00:00.0: AER: device recovery failed", bed.lines().get(bed.lines().size() - 1));
    }

    @Test
    void v414ReportsOnTheSourceAndItsDebugLinesStayOffTheConsole() {
        PcieErrorBed bed = new PcieErrorBed("4.14.0");
        recover(bed, PciChannelState.NORMAL);
        assertEquals(List.of("pci 0000:01:00.0: AER: Device recovery failed"), bed.lines());
    }

    @Test
    void v419FatalRemovesResetsAndRescansWithoutCallbacks() {
        PcieErrorBed bed = new PcieErrorBed("4.19.0");
        bed.bind(0, "igb");
        bed.runFor(10_000_000);
        List<ErrorRecovery.Outcome> o = recover(bed, PciChannelState.FROZEN);
        assertEquals(PciErsResult.RECOVERED, o.get(0).result());
        assertEquals(List.of("pci 0000:01:00.0: Device recovery from fatal error successful"), bed.lines());
        assertTrue(bed.driverOf(bed.fn(0).bdf()).bound(), "the rescan bound igb again");
        assertTrue(bed.busMaster(0));
    }

    @Test
    void v419NonFatalCallsTheSourceAlone() {
        PcieErrorBed bed = new PcieErrorBed("4.19.0");
        bed.bind(0, "igb"); // 01:00.1 has no driver, but 4.19 does not ask it
        bed.runFor(10_000_000);
        List<ErrorRecovery.Outcome> o = recover(bed, PciChannelState.NORMAL);
        assertEquals(PciErsResult.RECOVERED, o.get(0).result());
        assertEquals(List.of("igb 0000:01:00.0: AER: Device recovery successful"), bed.lines());
    }

    @Test
    void from512TheVotesSurviveTheLinkReset() {
        PcieErrorBed bed = new PcieErrorBed("5.12.0");
        List<ErrorRecovery.Outcome> o = recover(bed, PciChannelState.FROZEN);
        assertEquals(PciErsResult.NO_AER_DRIVER, o.get(0).result(), "PCI/ERR: Retain status from error notification");
        assertEquals(List.of("pci 0000:01:00.0: AER: can't recover (no error_detected callback)",
                "pci 0000:01:00.1: AER: can't recover (no error_detected callback)",
                "pcieport 0000:00:00.0: AER: Root Port link has been reset",
                "pcieport 0000:00:00.0: AER: device recovery failed"), bed.lines());
    }
}
