package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The 2018 machine with kernels of named releases: each kernel's log carries its release's
 * lines, from the version table, and the outcome follows its release's reset policy.
 */
class KernelVersionsTest {

    static RunResult run(String first, String kdump, SmmuDriverPolicy override) {
        return new Machine(Machines.report2018(3, first, kdump, override)).run();
    }

    static String log(dev.kdumpsim.kernel.log.LogRecords records) {
        return records.stream().map(LogRecord::line).collect(Collectors.joining("\n"));
    }

    @Test
    void a416KdumpKernelResetsAndBypasses() {
        RunResult r = run("4.16.0", "4.16.0", null);
        String k = log(r.kdumpLog());
        assertTrue(k.contains("SMMU currently enabled! Resetting..."));
        assertTrue(k.contains("iommu: Adding device 0000:01:00.0 to group 0"));
        assertFalse(k.contains("allocated"));
        assertEquals(2, r.bypassWindow().size());
    }

    @Test
    void a419_0KdumpKernelFailsItsProbeButA419_51OneResetsBehindAbort() {
        RunResult old = run("4.19.0", "4.19.0", null);
        assertTrue(log(old.kdumpLog()).contains("arm-smmu-v3: probe of arm-smmu-v3.0.auto failed with error -16"));
        RunResult backported = run("4.19.51", "4.19.51", null);
        String k = log(backported.kdumpLog());
        assertFalse(k.contains("failed with error -16"), k);
        assertTrue(k.contains("SMMU currently enabled! Resetting..."));
        assertTrue(backported.bypassWindow().isEmpty(), "3f54c447 aborts instead of bypassing");
        assertFalse(k.contains("event 0x"), "3f54c447 leaves EVTQEN off in a kdump kernel");
    }

    @Test
    void a57KernelPrintsItsQueueSizesAndTheNewGroupLine() {
        String k = log(run("5.7.0-rc3+", "5.7.0-rc3+", null).kdumpLog());
        assertTrue(k.contains("arm-smmu-v3 arm-smmu-v3.0.auto: allocated 65536 entries for cmdq"), k);
        assertTrue(k.contains("arm-smmu-v3 arm-smmu-v3.0.auto: allocated 32768 entries for evtq"), k);
        assertTrue(k.contains("pci 0000:01:00.0: Adding to iommu group 0"), k);
        assertFalse(k.contains("iommu: Adding device"), k);
    }

    @Test
    void a515KernelHasAOnePageEventQueue() {
        String k = log(run("5.15.0", "5.15.0", null).kdumpLog());
        assertTrue(k.contains("allocated 128 entries for evtq"), k);
    }

    @Test
    void a614KernelWithTheOldResetOverrideDecodesItsEventsAtErrLevel() {
        RunResult r = run("6.14.0", "6.14.0", SmmuDriverPolicy.V4_16);
        dev.kdumpsim.kernel.log.LogRecords kd = r.kdumpLog();
        String k = log(kd);
        assertTrue(k.contains("event: C_BAD_STREAMID client: (unassigned sid) sid: 0x"), k.lines().limit(80)
                .collect(Collectors.joining("\n")));
        assertTrue(r.smmuEvents().suppressed() > 0, "5.14+ ratelimits the dump: " + r.smmuEvents());
        assertTrue(k.contains("arm-smmu-v3 arm-smmu-v3.0.auto: event 0x02 received:"), k);
    }

    @Test
    void from55TheKernelReservesTheCrashkernelUpToTheExclusiveLimit() {
        String k1 = log(run("5.5.0", "5.5.0", null).kernel1Log());
        assertTrue(k1.contains("crashkernel reserved: 0x0000000080000000 - 0x0000000100000000 (2048 MB)"), k1);
        String old = log(run("5.4.0", "5.4.0", null).kernel1Log());
        assertTrue(old.contains("crashkernel reserved: 0x000000007fe00000 - 0x00000000ffe00000 (2048 MB)"), old);
    }
}
