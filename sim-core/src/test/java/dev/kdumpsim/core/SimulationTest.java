package dev.kdumpsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private final Simulation sim = new Simulation(1);
    private final List<String> log = new ArrayList<>();

    private EventHandler note(String name) {
        return arg -> log.add(name + "@" + sim.now());
    }

    @Test
    void runsEventsInTimeOrder() {
        sim.scheduleAt(30, note("c"));
        sim.scheduleAt(10, note("a"));
        sim.scheduleAt(20, note("b"));
        sim.run();
        assertEquals(List.of("a@10", "b@20", "c@30"), log);
    }

    @Test
    void equalTimesRunFirstInFirstOut() {
        for (int i = 0; i < 50; i++) {
            sim.scheduleAt(5, note("e" + i));
        }
        sim.run();
        for (int i = 0; i < 50; i++) {
            assertEquals("e" + i + "@5", log.get(i));
        }
    }

    @Test
    void passesTheScheduledArgument() {
        long[] seen = new long[1];
        sim.scheduleAfter(7, arg -> seen[0] = arg, 0xFFFF_F000L);
        sim.run();
        assertEquals(0xFFFF_F000L, seen[0]);
    }

    @Test
    void cancelledEventNeverRuns() {
        long t = sim.scheduleAt(10, note("x"));
        sim.scheduleAt(20, note("y"));
        assertTrue(sim.cancel(t));
        assertFalse(sim.cancel(t), "second cancel of the same token");
        sim.run();
        assertEquals(List.of("y@20"), log);
    }

    @Test
    void staleTokenDoesNotCancelARecycledSlot() {
        long first = sim.scheduleAt(1, note("first"));
        sim.run();
        sim.scheduleAt(5, note("second")); // likely reuses first's slot
        assertFalse(sim.cancel(first));
        sim.run();
        assertEquals(List.of("first@1", "second@5"), log);
    }

    @Test
    void rescheduleMovesEventAndQueuesBehindEqualTimes() {
        long t = sim.scheduleAt(1, note("moved"));
        sim.scheduleAt(50, note("already-at-50"));
        assertTrue(sim.reschedule(t, 50));
        assertEquals(50, sim.timeOf(t));
        sim.run();
        assertEquals(List.of("already-at-50@50", "moved@50"), log);
    }

    @Test
    void rescheduleEarlierRunsSooner() {
        sim.scheduleAt(10, note("a"));
        long t = sim.scheduleAt(100, note("b"));
        sim.reschedule(t, 5);
        sim.run();
        assertEquals(List.of("b@5", "a@10"), log);
    }

    @Test
    void stopFromInsideAnEventReturnsAfterThatEvent() {
        sim.scheduleAt(1, note("a"));
        sim.scheduleAt(2, arg -> {
            log.add("stopper@" + sim.now());
            sim.stop();
        });
        sim.scheduleAt(3, note("c"));
        assertFalse(sim.runUntil(Simulation.FOREVER));
        assertEquals(List.of("a@1", "stopper@2"), log);
        assertEquals(1, sim.pendingEvents());
        sim.run();
        assertEquals("c@3", log.get(2));
    }

    @Test
    void runUntilTimeRunsInclusiveAndAdvancesClock() {
        sim.scheduleAt(10, note("a"));
        sim.scheduleAt(20, note("b"));
        sim.scheduleAt(21, note("c"));
        assertTrue(sim.runUntil(20));
        assertEquals(List.of("a@10", "b@20"), log);
        assertEquals(20, sim.now());
        sim.runUntil(100);
        assertEquals(100, sim.now());
        assertEquals(3, log.size());
    }

    @Test
    void runUntilConditionStopsAsSoonAsItHolds() {
        for (int i = 1; i <= 10; i++) {
            sim.scheduleAt(i, note("e" + i));
        }
        assertTrue(sim.runUntil(() -> log.size() == 4));
        assertEquals(4, sim.now());
        assertFalse(sim.runUntil(() -> log.size() == 99), "queue empties first");
    }

    @Test
    void handlersCanScheduleMoreEvents() {
        int[] count = {0};
        EventHandler tick = new EventHandler() {
            @Override
            public void onEvent(long arg) {
                if (++count[0] < 1000) {
                    sim.scheduleAfter(3, this);
                }
            }
        };
        sim.scheduleAt(0, tick);
        sim.run();
        assertEquals(1000, count[0]);
        assertEquals(2997, sim.now());
        assertEquals(1000, sim.executedEvents());
    }

    @Test
    void rejectsSchedulingInThePast() {
        sim.runUntil(100);
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(99, note("x")));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAfter(-1, note("x")));
    }

    @Test
    void exceptionInAHandlerPropagates() {
        sim.scheduleAt(1, arg -> {
            throw new IllegalStateException("model bug");
        });
        assertThrows(IllegalStateException.class, sim::run);
    }
}
