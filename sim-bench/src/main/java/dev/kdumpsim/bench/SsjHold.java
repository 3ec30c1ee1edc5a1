package dev.kdumpsim.bench;

import dev.kdumpsim.core.RandomStreams;
import java.util.SplittableRandom;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.Henriksen;

/** SSJ 3.3.2 with its default Henriksen event list: N reusable events, each rescheduling itself. */
final class SsjHold implements HoldEngine {

    @Override
    public String name() {
        return "SSJ 3.3.2 (Henriksen)";
    }

    @Override
    public double run(int pending, long events, long seed) {
        SplittableRandom r = new SplittableRandom(RandomStreams.streamSeed(seed, "hold"));
        Simulator sim = new Simulator(new Henriksen());
        long[] executed = {0};
        for (int i = 0; i < pending; i++) {
            new Event(sim) {
                @Override
                public void actions() {
                    if (++executed[0] == events) {
                        sim.stop();
                        return;
                    }
                    schedule(RandomStreams.exponential(r, 1.0));
                }
            }.schedule(RandomStreams.exponential(r, 1.0));
        }
        long t0 = System.nanoTime();
        sim.start();
        long elapsed = System.nanoTime() - t0;
        if (executed[0] != events) {
            throw new IllegalStateException("SSJ executed " + executed[0] + " of " + events);
        }
        return events * 1e9 / Math.max(1, elapsed);
    }
}
