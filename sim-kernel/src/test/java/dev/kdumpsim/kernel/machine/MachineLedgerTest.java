package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.kernel.verdict.LedgerFate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every DMA transaction issued gets exactly one fate, whatever the policy, mitigation or seed. */
class MachineLedgerTest {

    static final List<Set<Mitigation>> MITIGATION_SETS = List.of(Set.of(), Set.of(Mitigation.IOVA_RESERVE_CRASHKERNEL),
            Set.of(Mitigation.FLR_ALL), Set.of(Mitigation.SBR_ALL), Set.of(Mitigation.CLEAR_BME_ALL),
            Set.of(Mitigation.KEXEC_NORMAL));

    @Test
    void ledgerBalancesForEveryPolicyMitigationAndSeed() {
        for (SmmuDriverPolicy p : SmmuDriverPolicy.values()) {
            for (Set<Mitigation> m : MITIGATION_SETS) {
                for (long seed = 1; seed <= 3; seed++) {
                    long rate = 2000 + 3000 * (seed - 1);        // 2000, 5000, 8000 /s
                    long footprint = (8L << (2 * (seed - 1))) * Machines.MIB; // 8, 32, 128 MiB
                    String what = p.specName() + " " + m + " seed " + seed;
                    RunResult r = new Machine(Machines.report2018(seed, p, m, rate, footprint)).run();
                    assertEquals(r.issued(), r.accounted(), what + ": issued != sum of fates + in flight");
                    assertTrue(r.issued() > 0, what + ": no DMA at all");
                    assertTrue(r.inFlight() >= 0, what + ": negative in-flight");
                    for (Map.Entry<LedgerFate, Long> e : r.fates().entrySet()) {
                        assertTrue(e.getValue() >= 0, what + ": " + e.getKey() + " < 0");
                    }
                    assertEquals(LedgerFate.values().length, r.fates().size(), what);
                }
            }
        }
    }
}
