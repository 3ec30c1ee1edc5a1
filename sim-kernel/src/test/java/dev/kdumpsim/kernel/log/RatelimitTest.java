package dev.kdumpsim.kernel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.Simulation;
import org.junit.jupiter.api.Test;

class RatelimitTest {

    static final long S = 1_000_000_000L;

    @Test
    void allowsBurstOfTenPerFiveSecondsThenReportsSuppressedAtNextInterval() {
        KernelLog log = new KernelLog(new Simulation(1), "kdump", 0);
        Ratelimit rs = Ratelimit.defaultState("arm_smmu_evtq_thread");
        long t0 = 7 * S;
        int allowed = 0;
        for (int i = 0; i < 25; i++) {
            if (rs.allow(log, t0 + i * 1_000_000L)) {
                allowed++;
            }
        }
        assertEquals(10, allowed);
        assertEquals(15, rs.missed());
        assertEquals(0, log.records().size()); // printed lazily, not by a timer
        assertTrue(rs.allow(log, t0 + 6 * S));
        assertEquals("[   13.000000] arm_smmu_evtq_thread: 15 callbacks suppressed", log.records().get(0).line());
        assertEquals(LogLevel.WARNING, log.records().get(0).level());
        assertEquals(0, rs.missed());
        assertEquals(15, rs.suppressedReported());
    }

    @Test
    void intervalEndsOnlyWhenJiffiesArePastBeginPlusInterval() {
        Ratelimit rs = new Ratelimit("f", 5 * 250, 1, 250);
        assertTrue(rs.allow(null, 0));
        assertFalse(rs.allow(null, 5 * S)); // jiffies == begin + interval: same interval
        assertTrue(rs.allow(null, 5 * S + 4_000_000L)); // one jiffy later
    }

    @Test
    void zeroIntervalNeverLimits() {
        Ratelimit rs = new Ratelimit("f", 0, 0, 250);
        for (int i = 0; i < 100; i++) {
            assertTrue(rs.allow(null, i));
        }
    }

    @Test
    void zeroBurstSuppressesEverything() {
        Ratelimit rs = new Ratelimit("f", 1250, 0, 250);
        assertFalse(rs.allow(null, 0));
        assertEquals(1, rs.suppressedTotal());
    }
}
