package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.ras.CperSeverityPolicy;
import dev.kdumpsim.kernel.verdict.KdumpKernelState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kdump kernel dies of what the platform reports: a fatal CPER record (ghes_proc ->
 * __ghes_panic, drivers/acpi/apei/ghes.c) or an SError for an aborted DMA (arm64_serror_panic,
 * arch/arm64/kernel/traps.c); a dead kdump kernel saves no dump.
 */
class KdumpKernelDeathTest {

    private static MachineConfig withRas(MachineConfig c, RasConfig ras) {
        return new MachineConfig(c.seed(), c.arch(), c.dram(), c.iommu(), c.rootComplex(), c.rootPorts(), c.switches(),
                c.endpoints(), c.first(), c.kdump(), c.mitigations(), c.timeline(), c.steadyStateWindowNs(), ras);
    }

    private static List<String> kdumpLog(RunResult r) {
        return r.kdumpLog().stream().map(LogRecord::text).toList();
    }

    @Test
    void aFatalFirmwareFirstRecordPanicsTheKdumpKernelAndLosesTheDump() {
        RunResult r = new Machine(Machines.report2018(3, "5.7.0", "5.7.0", null)).run();
        assertEquals(KdumpKernelState.PANICKED, r.verdict().kdumpKernel());
        assertEquals("Fatal hardware error!", r.verdict().kdumpKernelReason());
        assertFalse(r.verdict().dumpSaved());
        List<String> log = kdumpLog(r);
        assertTrue(log.contains("{1}[Hardware Error]: event severity: fatal"));
        assertTrue(log.contains("Kernel panic - not syncing: Fatal hardware error!"));
        assertEquals("Rebooting in 30 seconds..", log.get(log.size() - 1), "nothing is printed after the panic");
    }

    @Test
    void firmwareThatReportsItRecoverableLetsTheKdumpKernelLive() {
        MachineConfig c = withRas(Machines.report2018(3, "5.7.0", "5.7.0", null),
                new RasConfig(CperSeverityPolicy.RECOVERABLE, false, 0xbf000000));
        RunResult r = new Machine(c).run();
        assertEquals(KdumpKernelState.ALIVE, r.verdict().kdumpKernel());
        assertEquals("", r.verdict().kdumpKernelReason());
        assertTrue(kdumpLog(r).contains("{1}[Hardware Error]: event severity: recoverable"));
    }

    @Test
    void anSErrorForAnAbortedDmaPanicsAnArm64KdumpKernel() {
        MachineConfig c = withRas(Machines.report2018(3, "4.19.0", "4.19.0", null),
                new RasConfig(CperSeverityPolicy.RECOVERABLE, true, 0xbf000000));
        RunResult r = new Machine(c).run();
        assertEquals(KdumpKernelState.PANICKED, r.verdict().kdumpKernel());
        List<String> log = kdumpLog(r);
        assertTrue(log.contains("SError Interrupt on CPU0, code 0xbf000000 -- SError"));
        assertEquals("---[ end Kernel panic - not syncing: Asynchronous SError Interrupt ]---", log.get(log.size() - 1),
                "panic_timeout 0: the end marker, closed from 4.19");
    }

    @Test
    void before419ThePanicsEndMarkerIsNotClosed() {
        MachineConfig c = withRas(Machines.report2018(3, "4.14.0", "4.14.0", null),
                new RasConfig(CperSeverityPolicy.RECOVERABLE, true, 0xbf000000));
        List<String> log = kdumpLog(new Machine(c).run());
        assertEquals("---[ end Kernel panic - not syncing: Asynchronous SError Interrupt", log.get(log.size() - 1),
                "4.14.5 kernel/panic.c: no closing ' ]---'");
    }
}
