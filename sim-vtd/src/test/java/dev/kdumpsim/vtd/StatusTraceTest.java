package dev.kdumpsim.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.TraceCounter;
import dev.kdumpsim.core.TraceRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTraceTest {

    /** GSTS as the trace shows it: the counters of one instant on a unit's GSTS track folded back into bits. */
    record VtdStatusTrace(long timeNs, String unit, int gsts) {
    }

    private static List<VtdStatusTrace> statusRecords(List<TraceRecord> all) {
        List<VtdStatusTrace> r = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof TraceCounter c && c.track().endsWith(" GSTS")) {
                int gsts = 0;
                for (int k = 0; k < VtdRegisterFile.GSTS_SERIES.length; k++) {
                    TraceCounter s = (TraceCounter) all.get(i + k);
                    assertEquals(VtdRegisterFile.GSTS_SERIES[k], s.name());
                    gsts |= s.value() == 1 ? VtdRegisterFile.GSTS_BITS[k] : 0;
                }
                r.add(new VtdStatusTrace(c.timeNs(), c.track().substring(0, c.track().length() - 5), gsts));
                i += VtdRegisterFile.GSTS_SERIES.length - 1;
            }
        }
        return r;
    }

    @Test
    void everyGstsChangeIsTracedWithTheValueSoftwareReadsAfterIt() {
        VtdTestBed t = new VtdTestBed(VtdParameters.builder().commandLatencyNs(2000).build());
        List<TraceRecord> seen = new ArrayList<>();
        t.sim.trace().addListener(seen::add);
        long start = t.sim.now();
        t.unit.writeq(RTADDR_REG, VtdTestBed.ROOT);
        t.unit.writel(GCMD_REG, GCMD_SRTP);
        t.sim.runUntil(start + 2000);
        t.unit.writel(GCMD_REG, GCMD_TE);
        t.sim.runUntil(start + 4000);
        t.unit.writel(GCMD_REG, GCMD_TE); // no change requested: no record
        t.sim.runUntil(start + 6000);
        t.unit.writel(GCMD_REG, 0);
        t.sim.runUntil(start + 8000);

        List<VtdStatusTrace> s = statusRecords(seen);
        assertEquals(3, s.size(), s.toString());
        assertEquals(new VtdStatusTrace(start + 2000, "dmar0", GSTS_RTPS), s.get(0));
        assertEquals(new VtdStatusTrace(start + 4000, "dmar0", GSTS_RTPS | GSTS_TES), s.get(1));
        assertEquals(new VtdStatusTrace(start + 8000, "dmar0", GSTS_RTPS), s.get(2));
        assertEquals(GSTS_RTPS, t.unit.readl(GSTS_REG));
    }

    @Test
    void setRootTablePointerClearingRtpsAtOnceIsTracedAtTheWrite() {
        VtdTestBed t = new VtdTestBed(VtdParameters.builder().commandLatencyNs(1000).build());
        t.setRootTable(VtdTestBed.ROOT, TTM_LEGACY);
        List<TraceRecord> seen = new ArrayList<>();
        t.sim.trace().addListener(seen::add);
        long at = t.sim.now();
        t.unit.writel(GCMD_REG, GCMD_SRTP);
        List<VtdStatusTrace> s = statusRecords(seen);
        assertEquals(1, s.size());
        assertEquals(new VtdStatusTrace(at, "dmar0", 0), s.get(0), "RTPS clears when SRTP is written");
        t.sim.runUntil(at + 1000);
        assertEquals(new VtdStatusTrace(at + 1000, "dmar0", GSTS_RTPS), statusRecords(seen).get(1));
    }

    @Test
    void gstsChangesTheSameWithoutATraceListener() {
        VtdTestBed t = new VtdTestBed();
        assertFalse(t.sim.trace().enabled());
        t.setRootTable(VtdTestBed.ROOT, TTM_LEGACY);
        t.enableTranslation();
        assertEquals(GSTS_RTPS | GSTS_TES, t.unit.readl(GSTS_REG) & (GSTS_RTPS | GSTS_TES));
    }
}
