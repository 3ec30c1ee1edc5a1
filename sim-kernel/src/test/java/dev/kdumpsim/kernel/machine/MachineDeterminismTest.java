package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run is a function of its configuration and seed. */
class MachineDeterminismTest {

    private static RunResult run(long seed) {
        return new Machine(Machines.report2018(seed, SmmuDriverPolicy.V4_16, Set.of(), 8_000, 32 * Machines.MIB)).run();
    }

    @Test
    void sameConfigAndSeedGiveIdenticalLogsAndVerdict() {
        RunResult a = run(7);
        RunResult b = run(7);
        assertEquals(a.renderLogs(), b.renderLogs());
        assertEquals(a.verdict(), b.verdict());
        assertEquals(a.fates(), b.fates());
        assertEquals(a.smmuEvents(), b.smmuEvents());
        assertEquals(a.aer(), b.aer());
        assertEquals(a.bypassWindow(), b.bypassWindow());
        assertEquals(a.events(), b.events());
        assertEquals(a.endNs(), b.endNs());
    }

    @Test
    void panicBeforeKexecLoadIsRejected() {
        MachineConfig c = Machines.report2018(1, SmmuDriverPolicy.V4_16, Set.of(), 2_000, 8 * Machines.MIB);
        MachineConfig early = new MachineConfig(c.seed(), c.dram(), c.smmu(), c.evtqMaxShift(), c.rootComplex(),
                c.rootPorts(), c.endpoints(), c.first(), c.kdump(), c.mitigations(),
                java.util.List.of(TimelineEvent.panic(1_000_000_000L)), c.steadyStateWindowNs());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Machine(early));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("kexec -p"), e.getMessage());
    }

    @Test
    void differentSeedMovesTheCrash() {
        // the panic lands anywhere within a millisecond and the traffic phase is seeded
        RunResult a = run(7);
        RunResult b = run(8);
        assertNotEquals(a.panicNs(), b.panicNs());
        assertNotEquals(a.bypassWindow(), b.bypassWindow());
    }
}
