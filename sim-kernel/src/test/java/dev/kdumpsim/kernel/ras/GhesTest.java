package dev.kdumpsim.kernel.ras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.pci.AerReporter;
import dev.kdumpsim.kernel.pci.PcieErrorBed;
import dev.kdumpsim.kernel.pci.err.ErrorRecovery;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Platform firmware taking AER first, and the kernel's GHES driver (drivers/acpi/apei/ghes.c, 4.14.5 to 6.12.0). */
class GhesTest {

    private final List<String> panics = new ArrayList<>();

    private FirmwareFirstHandler firmwareAndGhes(PcieErrorBed bed, CperSeverityPolicy policy) {
        FirmwareFirstHandler fw = new FirmwareFirstHandler(bed.sim, bed.rc, 1, policy);
        fw.powerOn();
        AerReporter reporter = new AerReporter(bed.rc, false, bed.ctx.version().get(Behaviours.AER_PRINT));
        new Ghes(bed.ctx, fw, reporter, new ErrorRecovery(bed.ctx, bed.rc, bed::driverOf), bed::devPrefix,
                (m, t) -> panics.add(m + " " + t), () -> panics.isEmpty()).probe();
        return fw;
    }

    @Test
    void aRecoverableRecordIsPrintedThenTheAerLinesWithTheDriversPrefixThenRecovery() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        bed.bind(0, "igb");
        bed.bind(1, "igb");
        firmwareAndGhes(bed, CperSeverityPolicy.FROM_AER_SEVERITY);
        bed.runFor(10_000_000);
        bed.fn(0).detectUncorrectableError(PciRegs.UNC_COMP_TIME); // not Fatal in 0x00062011
        bed.runFor(100_000_000);
        List<String> l = bed.lines();
        assertEquals("{1}[Hardware Error]: event severity: recoverable", l.get(1));
        assertTrue(l.contains("igb 0000:01:00.0: AER: aer_status: 0x00004000, aer_mask: 0x00000000"));
        assertTrue(l.contains("igb 0000:01:00.0: AER:    [14] CmpltTO                (First)"));
        assertTrue(l.contains("igb 0000:01:00.0: AER: aer_layer=Transaction Layer, aer_agent=Requester ID"));
        assertEquals("pcieport 0000:00:00.0: AER: device recovery successful", l.get(l.size() - 1));
        assertEquals(0, bed.status(0), "firmware cleared what it logged");
        assertTrue(panics.isEmpty());
    }

    @Test
    void aFatalRecordPanicsBeforeAnyAerHandling() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        firmwareAndGhes(bed, CperSeverityPolicy.FROM_AER_SEVERITY);
        bed.fn(0).detectUncorrectableError(PciRegs.UNC_MALF_TLP); // Fatal in 0x00062011
        bed.runFor(100_000_000);
        assertEquals(List.of("Fatal hardware error! 30"), panics);
        assertEquals("{1}[Hardware Error]: event severity: fatal", bed.lines().get(1));
        assertEquals(dev.kdumpsim.kernel.log.LogLevel.EMERG, bed.log.records().get(0).level(), "__ghes_panic prints at KERN_EMERG");
        assertFalse(bed.lines().stream().anyMatch(s -> s.contains("aer_status")), "no AER hand-off after __ghes_panic");
    }

    @Test
    void firmwarePolicyDecidesTheSeverityWord() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        firmwareAndGhes(bed, CperSeverityPolicy.RECOVERABLE);
        bed.fn(0).detectUncorrectableError(PciRegs.UNC_MALF_TLP);
        bed.runFor(100_000_000);
        assertTrue(panics.isEmpty(), "the 2018 platform's firmware reported its Fatal Malformed TLP as recoverable");
        assertEquals("{1}[Hardware Error]: event severity: recoverable", bed.lines().get(1));
    }

    @Test
    void theEstatusCacheAndTheRatelimitKeepRepeatsOffTheConsole() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        firmwareAndGhes(bed, CperSeverityPolicy.RECOVERABLE);
        for (int i = 0; i < 4; i++) {
            bed.fn(i % 2).detectUncorrectableError(PciRegs.UNC_COMP_TIME);
            bed.runFor(100_000_000);
        }
        long headers = bed.lines().stream().filter(s -> s.contains("Hardware error from APEI")).count();
        assertEquals(2, headers, "01:00.0 and 01:00.1 once each: their repeats are cached (10 s) before the ratelimit (5 s, burst 2)");
    }

    @Test
    void aRecordFirmwareWroteBeforeTheProbeIsTakenAtTheProbe() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        FirmwareFirstHandler fw = new FirmwareFirstHandler(bed.sim, bed.rc, 1, CperSeverityPolicy.RECOVERABLE);
        fw.powerOn();
        bed.fn(0).detectUncorrectableError(PciRegs.UNC_COMP_TIME);
        bed.fn(1).detectUncorrectableError(PciRegs.UNC_COMP_TIME);
        bed.runFor(10_000_000);
        assertEquals(1, fw.records());
        assertEquals(1, fw.dropped(), "one error status block: the second error had nowhere to go");
        assertTrue(bed.lines().isEmpty());
        AerReporter reporter = new AerReporter(bed.rc, false, bed.ctx.version().get(Behaviours.AER_PRINT));
        new Ghes(bed.ctx, fw, reporter, new ErrorRecovery(bed.ctx, bed.rc, bed::driverOf), bed::devPrefix,
                (m, t) -> panics.add(m), () -> true).probe();
        bed.runFor(100_000_000);
        assertEquals("{1}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 1", bed.lines().get(0));
    }

    @Test
    void from419PciAerInitLeavesFirmwareFirstStatusAlone() {
        for (String v : List.of("4.14.0", "4.19.0")) {
            var version = dev.kdumpsim.kernel.version.KernelVersion.of(dev.kdumpsim.kernel.version.KernelRelease.parse(v));
            assertEquals(v.equals("4.14.0") ? dev.kdumpsim.kernel.version.AerStaleStatus.CLEARED_ALWAYS
                    : dev.kdumpsim.kernel.version.AerStaleStatus.CLEARED_IF_NATIVE,
                    version.get(Behaviours.AER_STALE_STATUS), "pci_cleanup_aer_error_status_regs returns -EIO under firmware first from 4.19");
        }
    }

    /** Regression: 5.2-5.6 lost aer.c's pr_fmt "AER: " on this line (the prefix was keyed on the recovery row, 5.7). */
    @Test
    void theRecoverRingOverflowLineCarriesPrFmtFrom52() {
        int bdf = dev.kdumpsim.pcie.Bdf.parse("01:00.1");
        assertEquals("AER recover: Buffer overflow when recovering AER for 0000:01:00:1",
                Ghes.overflowLine(dev.kdumpsim.kernel.version.AerPrintFormat.V4_19, bdf));
        assertEquals("AER: AER recover: Buffer overflow when recovering AER for 0000:01:00:1",
                Ghes.overflowLine(dev.kdumpsim.kernel.version.AerPrintFormat.V5_2, bdf));
        assertEquals("AER: buffer overflow in recovery for 0000:01:00.1",
                Ghes.overflowLine(dev.kdumpsim.kernel.version.AerPrintFormat.V6_8, bdf));
    }
}
