package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertLocated;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;

import org.junit.jupiter.api.Test;

/**
 * What broke: {@code ringEntries: 1000000000} validated; the run then tried to allocate 16 GB of
 * descriptor ring and overflowed DeviceDriver's int slot count. Fix: MemoryPreconditions bounds
 * the descriptors per device and sums what each kernel's drivers allocate (rings, then buffers
 * up to the IOVA footprint, as DeviceDriver.probe does) against the memory that kernel has:
 * DRAM outside the crashkernel region for kernel #1, the crashkernel region for the kdump kernel.
 */
class HugeRingsPassedValidationTest {

    @Test
    void aBillionRingEntriesIsRefused() {
        String text = Hostile.BASE.replace("cmdline: \"crashkernel=512M\"\n",
                "cmdline: \"crashkernel=512M\"\n    drivers: [{device: \"01:00.0\", ringEntries: 1000000000}]\n");
        assertLocated(error(text), "s.yaml", "descriptors, more than the model's");
    }

    @Test
    void ringsThatDoNotFitTheCrashkernelRegionAreRefused() {
        String text = Hostile.BASE + "  kdump:\n    drivers: [{device: \"01:00.0\", rings: 256, ringEntries: 65536}]\n";
        text = text.replace("timeline:\n  - {at: 10s, action: panic}\n", "") + "timeline: [{at: 10s, action: panic}]\n";
        assertLocated(error(text), "s.yaml", "more than the");
        assertLocated(error(text), "s.yaml", "of the crashkernel region after the kdump kernel's own use");
    }
}
