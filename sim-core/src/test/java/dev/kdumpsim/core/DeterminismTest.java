package dev.kdumpsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private record Tick(long timeNs, String who, long value) implements TraceRecord { }

    /** A small model: three components with their own streams emitting trace records. */
    private static List<String> runModel(long seed, String... components) {
        Simulation sim = new Simulation(seed);
        List<String> out = new ArrayList<>();
        sim.trace().addListener(r -> {
            Tick t = (Tick) r;
            out.add(t.timeNs() + " " + t.who() + " " + t.value());
        });
        for (String c : components) {
            SplittableRandom rs = sim.random().stream(c);
            EventHandler h = new EventHandler() {
                int n;

                @Override
                public void onEvent(long arg) {
                    sim.trace().emit(new Tick(sim.now(), c, rs.nextInt(1000)));
                    if (++n < 100) {
                        sim.scheduleAfter((long) RandomStreams.exponential(rs, 1000), this);
                    }
                }
            };
            sim.scheduleAt(0, h);
        }
        sim.run();
        return out;
    }

    @Test
    void sameSeedGivesIdenticalTrace() {
        assertEquals(runModel(42, "nic", "hba", "smmu"), runModel(42, "nic", "hba", "smmu"));
    }

    @Test
    void differentSeedGivesDifferentTrace() {
        assertNotEquals(runModel(42, "nic", "hba"), runModel(43, "nic", "hba"));
    }

    @Test
    void addingAComponentLeavesOtherStreamsUnchanged() {
        List<String> without = runModel(7, "nic").stream().filter(s -> s.contains(" nic ")).toList();
        List<String> with = runModel(7, "hba", "nic").stream().filter(s -> s.contains(" nic ")).toList();
        assertEquals(without, with);
    }

    @Test
    void streamSeedIsAPureFunctionOfRunSeedAndName() {
        assertEquals(RandomStreams.streamSeed(1, "nic"), RandomStreams.streamSeed(1, "nic"));
        assertNotEquals(RandomStreams.streamSeed(1, "nic"), RandomStreams.streamSeed(1, "hba"));
        assertNotEquals(RandomStreams.streamSeed(1, "nic"), RandomStreams.streamSeed(2, "nic"));
        RandomStreams rs = new RandomStreams(9);
        assertEquals(rs.stream("a"), rs.stream("a"));
    }
}
