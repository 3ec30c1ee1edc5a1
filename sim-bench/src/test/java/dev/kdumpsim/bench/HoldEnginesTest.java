package dev.kdumpsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HoldEnginesTest {

    @Test
    void everyEngineRunsTheHoldModelToItsEventBudget() {
        for (HoldEngine e : new HoldEngine[] {new KdumpsimHold(), new SsjHold(), new PriorityQueueHold()}) {
            double eps = e.run(50, 10_000, 1);
            assertTrue(eps > 0 && Double.isFinite(eps), e.name());
        }
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertEquals(2.0, HoldComparison.median(new double[] {3, 1, 2}));
        assertEquals(2.5, HoldComparison.median(new double[] {4, 1, 2, 3}));
    }
}
