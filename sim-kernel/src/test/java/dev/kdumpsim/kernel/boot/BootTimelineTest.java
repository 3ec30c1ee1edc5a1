package dev.kdumpsim.kernel.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootTimelineTest {

    @Test
    void kdumpPresetMatchesTheReportTimestamps() {
        BootTimeline t = BootTimeline.kdumpKernelOfReport();
        assertEquals(0, t.startNs(BootTimeline.MEMBLOCK));
        assertEquals(7_018_304_000L, t.startNs(BootTimeline.SMMU_PROBE));
        assertEquals(16_093_441_000L, t.startNs(BootTimeline.PCI_ENUMERATION));
    }

    @Test
    void phasesStartWhenThePreviousEnds() {
        BootTimeline t = new BootTimeline(List.of(new BootPhase("a", 10, ""), new BootPhase("b", 5, ""), new BootPhase("c", 0, "")));
        List<ScheduledPhase> s = t.schedule(1000);
        assertEquals(new ScheduledPhase("b", 10, 1010, 5), s.get(1));
        assertEquals(15, t.endNs("b"));
        assertEquals(15, s.get(2).kernelStartNs());
    }

    @Test
    void changingOneDurationShiftsLaterPhases() {
        BootTimeline t = BootTimeline.kdumpKernelOfReport().withDuration(BootTimeline.EARLY_INIT, 1_000_000_000L);
        assertEquals(1_000_000_000L, t.startNs(BootTimeline.SMMU_PROBE));
        assertEquals(10_075_137_000L, t.startNs(BootTimeline.PCI_ENUMERATION));
    }

    @Test
    void unknownOrDuplicatePhasesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BootTimeline.firstKernelDefault().startNs("nope"));
        assertThrows(IllegalArgumentException.class, () -> new BootTimeline(List.of(new BootPhase("a", 1, ""), new BootPhase("a", 1, ""))));
        assertThrows(IllegalArgumentException.class, () -> new BootPhase("a", -1, ""));
    }
}
