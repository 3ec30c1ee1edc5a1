package dev.kdumpsim.bench;


/** kdumpsim's own engine, through the same code `kdumpsim bench hold` runs. */
final class KdumpsimHold implements HoldEngine {

    @Override
    public String name() {
        return "kdumpsim";
    }

    @Override
    public double run(int pending, long events, long seed) {
        return HoldBenchmark.runOnce(pending, events, seed);
    }
}
