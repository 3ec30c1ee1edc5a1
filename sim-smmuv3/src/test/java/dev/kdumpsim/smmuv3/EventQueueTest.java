package dev.kdumpsim.smmuv3;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.kdumpsim.core.Translation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    /** Linear table of 2 STEs: every StreamID >= 2 is C_BAD_STREAMID, StreamID = a sequence tag. */
    static SmmuTestBed bed(int evtqLog2, SmmuParameters p, long seed) {
        SmmuTestBed t = new SmmuTestBed(p, seed);
        t.evtqLog2 = evtqLog2;
        t.enableLinear(1);
        return t;
    }

    @Test
    void fullQueueTogglesOverflowOnceAndCountsLostRecords() {
        SmmuTestBed t = bed(2, SmmuParameters.defaults(), 1);
        for (int sid = 2; sid < 6; sid++) {
            assertTrue(t.translate(sid, 0, true).eventRecorded());
        }
        assertEquals(1 << 2, t.smmu.readl(EVENTQ_PROD), "index 0 with wrap bit set: full");
        Translation r = t.translate(6, 0, true);
        assertEquals(EventId.C_BAD_STREAMID, r.eventId());
        assertFalse(r.eventRecorded());
        t.translate(7, 0, true);
        assertEquals(Q_OVERFLOW_FLAG | (1 << 2), t.smmu.readl(EVENTQ_PROD));
        assertEquals(2, t.smmu.eventCounters().lostOverflow());
        assertEquals(1, t.smmu.eventCounters().overflowEpisodes());
        // consumer drains two and acknowledges the overflow; new records wrap around
        t.smmu.writel(EVENTQ_CONS, Q_OVERFLOW_FLAG | 2);
        assertTrue(t.translate(8, 0, true).eventRecorded());
        assertEquals(8, t.eventAt(0).streamId());
        assertEquals(Q_OVERFLOW_FLAG | (1 << 2) | 1, t.smmu.readl(EVENTQ_PROD));
    }

    @Test
    void discardsWithoutOverflowWhileEventqDisabled() {
        SmmuTestBed t = bed(2, SmmuParameters.defaults(), 1);
        t.writeCr0Sync(CR0_CMDQEN | CR0_SMMUEN);
        Translation r = t.translate(9, 0, true);
        assertEquals(EventId.C_BAD_STREAMID, r.eventId());
        assertFalse(r.eventRecorded());
        assertEquals(1, t.smmu.eventCounters().discardedQueueDisabled());
        assertEquals(0, t.smmu.readl(EVENTQ_PROD));
    }

    @Test
    void interruptFiresOnlyOnEmptyToNonEmpty() {
        SmmuTestBed t = bed(4, SmmuParameters.defaults(), 1);
        int[] irqs = {0};
        t.smmu.addIrqListener(new SmmuIrqListener() {
            @Override
            public void onEventQueueIrq() {
                irqs[0]++;
            }
        });
        t.translate(2, 0, true);
        t.translate(3, 0, true);
        t.settle();
        assertEquals(1, irqs[0]);
        t.smmu.writel(EVENTQ_CONS, t.smmu.readl(EVENTQ_PROD));
        t.translate(4, 0, true);
        t.settle();
        assertEquals(2, irqs[0]);
    }

    @Test
    void mergesRepeatedBadStreamIdOnlyWhenEnabled() {
        SmmuTestBed off = bed(4, SmmuParameters.defaults(), 1);
        off.translate(5, 0, true);
        off.translate(5, 0, true);
        assertEquals(2, off.smmu.readl(EVENTQ_PROD));
        SmmuTestBed on = bed(4, SmmuParameters.defaults().withMergeBadStreamIdEvents(true), 1);
        on.translate(5, 0, true);
        assertFalse(on.translate(5, 0, true).eventRecorded());
        assertTrue(on.translate(6, 0, true).eventRecorded());
        assertEquals(2, on.smmu.readl(EVENTQ_PROD));
        assertEquals(1, on.smmu.eventCounters().merged(EventId.C_BAD_STREAMID));
    }

    /** Random producer faults vs random consumer drains: nothing lost or duplicated except counted overflow. */
    @Test
    void neverLosesOrDuplicatesRecordsExceptThroughCountedOverflow() {
        for (long seed = 1; seed <= 60; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int log2 = 1 + rnd.nextInt(5);
            SmmuTestBed t = bed(log2, SmmuParameters.defaults(), seed);
            int mask = (2 << log2) - 1;
            int nextSid = 2;
            int expectNext = 2;
            long received = 0;
            long lostSeen = 0;
            int cons = 0;
            for (int step = 0; step < 2000; step++) {
                if (rnd.nextInt(100) < 60) {
                    int burst = 1 + rnd.nextInt(6);
                    for (int i = 0; i < burst; i++) {
                        t.translate(nextSid++, 0, rnd.nextBoolean());
                    }
                } else {
                    int prod = t.smmu.readl(EVENTQ_PROD);
                    int take = rnd.nextInt(1 << log2 + 1);
                    while (take-- > 0 && (prod & mask) != (cons & mask)) {
                        int sid = t.eventAt(cons).streamId();
                        assertTrue(sid >= expectNext, "seed " + seed + ": duplicate or reordered " + sid);
                        lostSeen += sid - expectNext;
                        expectNext = sid + 1;
                        received++;
                        cons = (cons & Q_OVERFLOW_FLAG) | ((cons + 1) & mask);
                    }
                    cons = (cons & ~Q_OVERFLOW_FLAG) | (prod & Q_OVERFLOW_FLAG); // acknowledge any overflow
                    t.smmu.writel(EVENTQ_CONS, cons);
                }
            }
            EventCounters c = t.smmu.eventCounters();
            int prod = t.smmu.readl(EVENTQ_PROD);
            long pending = ((prod & mask) - (cons & mask)) & mask;
            assertEquals(nextSid - 2, c.raised(), "seed " + seed);
            assertEquals(c.raised(), c.written() + c.lostOverflow(), "seed " + seed);
            assertEquals(c.written(), received + pending, "seed " + seed);
            long lostAfterLastReceived = (nextSid - expectNext) - pending;
            assertEquals(c.lostOverflow(), lostSeen + lostAfterLastReceived, "seed " + seed);
        }
    }
}
