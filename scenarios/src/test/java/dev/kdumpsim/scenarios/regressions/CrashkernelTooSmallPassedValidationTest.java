package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;

import org.junit.jupiter.api.Test;

/**
 * What broke: {@code crashkernel=1} (one byte, rounded to a 2 MiB reservation) and
 * {@code crashkernel=64M} validated, then the Machine refused them (KdumpMemory: the region
 * cannot hold the kdump kernel's image, initramfs, memmap and working set). kexec-normal
 * without crashkernel= validated although the Machine always needs the reservation. Fix:
 * MemoryPreconditions reserves the region exactly as the Machine does (low 64 MiB for kernel #1
 * first) and runs KdumpMemory's own size check on it, located at kernels.first.cmdline.
 */
class CrashkernelTooSmallPassedValidationTest {

    @Test
    void aCrashkernelTooSmallForTheKdumpKernelIsLocated() {
        assertAt(error(Hostile.BASE.replace("crashkernel=512M", "crashkernel=1")), "s.yaml", 9, 14,
                "cannot hold the kdump kernel");
        assertAt(error(Hostile.BASE.replace("crashkernel=512M", "crashkernel=64M")), "s.yaml", 9, 14,
                "a crashkernel region of 64MiB cannot hold the kdump kernel");
    }

    @Test
    void kexecNormalStillNeedsTheReservation() {
        assertAt(error(Hostile.BASE.replace("crashkernel=512M", "console=ttyAMA0") + "mitigations: [kexec-normal]\n"), "s.yaml", 9, 14,
                "no crashkernel= option");
    }
}
