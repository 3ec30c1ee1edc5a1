package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.kernel.policy.SmmuDriverPolicy;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MachineSmokeTest {

    @Test
    void report2018MachineRunsAndBalances() {
        RunResult r = new Machine(Machines.report2018(1, SmmuDriverPolicy.V4_16, Set.of(), 8_000, 128 * Machines.MIB)).run();
        String l = r.renderLogs(); System.out.println(l.length() > 6000 ? l.substring(0, 2500) + "\n...\n" + l.substring(l.length() - 3500) : l);
        System.out.println(r.verdict());
        System.out.println(r.fates() + " issued=" + r.issued() + " inFlight=" + r.inFlight());
        System.out.println(r.smmuEvents());
        System.out.println(r.aer());
        System.out.println("events=" + r.events() + " window=" + r.bypassWindow());
        assertEquals(r.issued(), r.accounted());
    }
}
