package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.assertLocated;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;

import org.junit.jupiter.api.Test;

/**
 * What broke: {@code validate} accepted timelines the Machine refuses: no panic (MachineConfig
 * needs exactly one), a panic before kernel #1's userspace has run {@code kexec -p} (the Machine
 * refuses it, since {@code __crash_kexec} does nothing without {@code kexec_crash_image}), a panic
 * at 0 s, a panic on the kdump clock, a run-until that ends the run before the crash. {@code run}
 * then failed with an unlocated IllegalArgumentException. Fix: MachinePreconditions.timeline
 * checks each at load, at the value to change, naming the kexec -p time from the boot timeline.
 */
class PanicPreconditionsFailedOnlyAtRunTest {

    private static final String NO_TIMELINE = Hostile.BASE.replace("timeline:\n  - {at: 10s, action: panic}\n", "");

    @Test
    void aTimelineWithoutPanicIsRefused() {
        assertLocated(error(NO_TIMELINE), "s.yaml", "the timeline has no panic");
        assertLocated(error(NO_TIMELINE + "mitigations: [kexec-normal]\ntimeline: [{at: 20s, action: run-until}]\n"), "s.yaml",
                "the timeline has no panic");
    }

    @Test
    void aPanicBeforeKexecLoadIsRefusedAtItsTime() {
        assertAt(error(NO_TIMELINE + "timeline: [{at: 0s, action: panic}]\n"), "s.yaml", 10, 17,
                "comes before kernel #1's userspace loads the crash kernel (kexec -p at ");
        assertAt(error(NO_TIMELINE + "timeline: [{at: 1s, action: panic}]\n"), "s.yaml", 10, 17, "kexec -p");
    }

    @Test
    void aPanicOnTheKdumpClockAndARunUntilBeforeThePanicAreRefused() {
        assertAt(error(NO_TIMELINE + "timeline: [{at: 10s, clock: kdump, action: panic}]\n"), "s.yaml", 10, 29, "on kernel #1's clock");
        assertAt(error(NO_TIMELINE + "timeline: [{at: 10s, action: panic}, {at: 5s, action: run-until}]\n"), "s.yaml", 10, 43,
                "ends the run before the panic");
        assertLocated(error(NO_TIMELINE + "timeline: [{at: 10s, action: panic}, {at: 1s, clock: kdump, action: run-until},"
                + " {at: 2s, clock: kdump, action: run-until}]\n"), "s.yaml", "a second run-until");
    }
}
