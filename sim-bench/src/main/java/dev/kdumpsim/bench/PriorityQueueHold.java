package dev.kdumpsim.bench;

import dev.kdumpsim.core.RandomStreams;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The textbook engine: {@link PriorityQueue} of event objects ordered by (time, sequence), each
 * event object reused, as a careful hand-written Java DES would do it.
 */
final class PriorityQueueHold implements HoldEngine {

    private static final class Ev implements Comparable<Ev> {
        double time;
        long seq;

        @Override
        public int compareTo(Ev o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Override
    public String name() {
        return "java.util.PriorityQueue";
    }

    @Override
    public double run(int pending, long events, long seed) {
        SplittableRandom r = new SplittableRandom(RandomStreams.streamSeed(seed, "hold"));
        PriorityQueue<Ev> q = new PriorityQueue<>(pending);
        long seq = 0;
        for (int i = 0; i < pending; i++) {
            Ev e = new Ev();
            e.time = RandomStreams.exponential(r, 1.0);
            e.seq = seq++;
            q.add(e);
        }
        long t0 = System.nanoTime();
        for (long n = 0; n < events; n++) {
            Ev e = q.poll();
            e.time += RandomStreams.exponential(r, 1.0);
            e.seq = seq++;
            q.add(e);
        }
        return events * 1e9 / Math.max(1, System.nanoTime() - t0);
    }
}
