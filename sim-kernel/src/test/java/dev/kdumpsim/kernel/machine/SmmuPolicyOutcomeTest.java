package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.kernel.verdict.Corruption;
import dev.kdumpsim.kernel.verdict.LedgerFate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The outcome each arm-smmu-v3 policy and mitigation has (docs/model-kernel.md), on the 2018
 * report's machine (NIC 01:00.1 streaming in kernel #1, HBA 01:00.0 the kdump kernel's dump target).
 */
class SmmuPolicyOutcomeTest {

    static final long RATE = 8_000;
    static final long FOOTPRINT = 128 * Machines.MIB;

    static RunResult run(long seed, SmmuDriverPolicy p, Set<Mitigation> m) {
        return new Machine(Machines.report2018(seed, p, m, RATE, FOOTPRINT)).run();
    }

    static String kdumpLog(RunResult r) {
        return r.kdumpLog().stream().map(LogRecord::line).collect(Collectors.joining("\n"));
    }

    static long bypassed(RunResult r) {
        return r.fates().get(LedgerFate.BYPASSED_CRASHKERNEL_LIVE) + r.fates().get(LedgerFate.BYPASSED_CRASHKERNEL_FREE)
                + r.fates().get(LedgerFate.BYPASSED_KERNEL1) + r.fates().get(LedgerFate.BYPASSED_NO_MEMORY);
    }

    @Test
    void v416ResetsWithGbpaUntouchedSoStaleDmaBypassesDuringTheResetWindow() {
        long bypassedTotal = 0;
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = run(seed, SmmuDriverPolicy.V4_16, Set.of());
            String log = kdumpLog(r);
            assertTrue(log.contains("arm-smmu-v3 arm-smmu-v3.0.auto: SMMU currently enabled! Resetting..."), "seed " + seed);
            assertTrue(log.contains("arm-smmu-v3 arm-smmu-v3.0.auto: event 0x02 received:"), "seed " + seed);
            assertEquals(2, r.bypassWindow().size(), "seed " + seed + ": no bypass window");
            assertTrue(r.bypassWindow().get(0) < r.bypassWindow().get(1));
            assertTrue(r.smmuEvents().raisedById().containsKey("0x02"));
            Corruption c = r.verdict().firstCorruption();
            if (c != null) {
                // a stray write into the crashkernel region can only come through the window
                assertTrue(c.timeNs() >= r.bypassWindow().get(0) && c.timeNs() <= r.bypassWindow().get(1), "seed " + seed);
                assertEquals(c.physicalAddress(), c.address(), "bypass uses the IOVA as the PA");
            }
            bypassedTotal += bypassed(r);
        }
        assertTrue(bypassedTotal > 0, "no seed had DMA in the bypass window");
    }

    @Test
    void v416StrayWriteLandsOnLiveKdumpData() {
        RunResult r = run(1, SmmuDriverPolicy.V4_16, Set.of());
        assertTrue(r.verdict().kdumpCorrupted());
        assertEquals("live-kdump-data", r.verdict().firstCorruption().role());
        assertEquals(LedgerFate.BYPASSED_CRASHKERNEL_LIVE, r.verdict().firstCorruption().fate());
    }

    @Test
    void v419AbortsEverythingAndFailsTheProbeSoTheDumpIsLost() {
        RunResult r = run(1, SmmuDriverPolicy.V4_19, Set.of());
        String log = kdumpLog(r);
        assertTrue(log.contains("] arm-smmu-v3: probe of arm-smmu-v3.0.auto failed with error -16"), log);
        assertFalse(log.contains("SMMU currently enabled"), "b63b3439 returns before the warning");
        assertFalse(log.contains("event 0x"));
        assertTrue(r.bypassWindow().isEmpty());
        assertEquals(0, bypassed(r));
        assertTrue(r.fates().get(LedgerFate.ABORTED_SILENT) > 0);
        assertFalse(r.verdict().dumpSaved());
        assertFalse(r.verdict().dumpFailure().isEmpty());
        assertFalse(r.verdict().kdumpCorrupted());
    }

    @Test
    void v52AbortsBeforeDisablingAndReportsNoEventsInKdump() {
        RunResult r = run(1, SmmuDriverPolicy.V5_2, Set.of());
        String log = kdumpLog(r);
        assertTrue(log.contains("SMMU currently enabled! Resetting..."));
        assertFalse(log.contains("event 0x"), "EVTQEN stays off in a kdump kernel (3f54c447)");
        assertTrue(r.bypassWindow().isEmpty());
        assertEquals(0, bypassed(r));
        assertTrue(r.smmuEvents().raised() > 0, "the SMMU still raises events");
        assertEquals(0, r.smmuEvents().printed());
        assertTrue(r.smmuEvents().discardedQueueOff() > 0);
        assertTrue(r.verdict().dumpSaved());
        assertFalse(r.verdict().kdumpCorrupted());
    }

    @Test
    void kdumpAdoptKeepsTranslatingThroughTheCrashedKernelsTables() {
        RunResult r = run(1, SmmuDriverPolicy.KDUMP_ADOPT, Set.of());
        String log = kdumpLog(r);
        assertTrue(log.contains("kdump: retaining SMMUEN for in-flight DMA"));
        assertFalse(log.contains("Resetting..."));
        assertTrue(r.bypassWindow().isEmpty());
        assertEquals(0, bypassed(r));
        assertFalse(r.verdict().kdumpCorrupted());
        assertEquals(0, r.verdict().liveWrites() + r.verdict().freeWrites());
        assertTrue(r.verdict().dumpSaved());
        assertTrue(r.verdict().wedgedDevices().isEmpty(), "old DMA is translated, not aborted");
    }

    @Test
    void freshTablesWithoutResetAbortStaleDmaWithBadSteOrTranslationFaults() {
        RunResult r = run(1, SmmuDriverPolicy.FRESH_TABLES_NO_RESET, Set.of());
        assertTrue(r.bypassWindow().isEmpty());
        assertEquals(0, bypassed(r));
        assertFalse(r.smmuEvents().raisedById().isEmpty());
        for (String id : r.smmuEvents().raisedById().keySet()) {
            assertTrue(id.equals("0x04") || id.equals("0x10"), "unexpected event " + id);
        }
        assertFalse(r.verdict().kdumpCorrupted());
    }

    @Test
    void iovaReserveCrashkernelKeepsBypassedDmaOutOfTheCrashkernelRegion() {
        long toKernel1 = 0;
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = run(seed, SmmuDriverPolicy.V4_16, Set.of(Mitigation.IOVA_RESERVE_CRASHKERNEL));
            assertEquals(2, r.bypassWindow().size(), "the 4.16 reset still opens the window");
            assertEquals(0, r.verdict().liveWrites(), "seed " + seed);
            assertEquals(0, r.verdict().freeWrites(), "seed " + seed);
            assertEquals(0, r.fates().get(LedgerFate.BYPASSED_CRASHKERNEL_LIVE));
            assertEquals(0, r.fates().get(LedgerFate.BYPASSED_CRASHKERNEL_FREE));
            toKernel1 += r.fates().get(LedgerFate.BYPASSED_KERNEL1);
        }
        assertTrue(toKernel1 > 0, "bypassed DMA should land in kernel #1's memory for some seed");
    }

    @Test
    void earlyQuiesceStopsTheOldDmaBeforeTheSmmuProbe() {
        for (Mitigation m : new Mitigation[] {Mitigation.FLR_ALL, Mitigation.SBR_ALL, Mitigation.CLEAR_BME_ALL}) {
            RunResult r = run(1, SmmuDriverPolicy.V4_16, Set.of(m));
            assertEquals(2, r.bypassWindow().size(), m + ": the reset still opens the window");
            assertEquals(0, bypassed(r), m + ": nothing is left to bypass");
            assertEquals(0, r.smmuEvents().raised(), m.specName());
            assertFalse(r.verdict().kdumpCorrupted(), m.specName());
            assertTrue(r.verdict().dumpSaved(), m.specName());
        }
    }

    @Test
    void orderlyKexecLeavesNoEnabledSmmuAndNoTaintedPages() {
        RunResult r = run(1, SmmuDriverPolicy.V4_16, Set.of(Mitigation.KEXEC_NORMAL));
        String log1 = r.kernel1Log().stream().map(LogRecord::line).collect(Collectors.joining("\n"));
        assertTrue(log1.contains("kexec_core: Starting new kernel"));
        assertFalse(log1.contains("Kernel panic"));
        assertFalse(kdumpLog(r).contains("SMMU currently enabled"));
        assertTrue(r.bypassWindow().isEmpty());
        assertEquals(0, r.verdict().dumpTaintedPages());
        assertEquals(0, bypassed(r));
        assertTrue(r.verdict().dumpSaved());
    }

    @Test
    void crashPathTaintsTheDumpWithPostPanicDma() {
        RunResult r = run(1, SmmuDriverPolicy.V5_2, Set.of());
        assertTrue(r.verdict().dumpTaintedPages() > 0, "the NIC keeps writing kernel #1 memory after the panic");
        String log1 = r.kernel1Log().stream().map(LogRecord::line).collect(Collectors.joining("\n"));
        assertTrue(log1.contains("Kernel panic - not syncing"));
        assertTrue(log1.contains("Starting crashdump kernel..."));
        assertTrue(r.kdumpLog().get(0).kernelTimeNs() < 1_000_000_000L, "the kdump clock restarts at 0");
    }
}
