package dev.kdumpsim.bench;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;

/**
 * DMA writes of receive buffers straight into {@link PhysicalMemory}: a ring of {@code slots}
 * buffers one page apart (one buffer per page, as a driver that maps a page per receive buffer),
 * each write a new pattern, as sim-pcie's DMA engine issues them. Every write is accounted per
 * page and per region exactly as on the device path; what is measured is the memory model alone.
 */
final class MemoryFill {

    static final long RING_BASE = 0x9000_0000L;
    static final int SLOTS = 4096;

    private MemoryFill() {
    }

    /** Writes {@code transactions} buffers of {@code bufferBytes}; returns transactions per second. */
    static double run(int bufferBytes, long transactions) {
        Simulation sim = new Simulation(1);
        PhysicalMemory mem = new PhysicalMemory(sim);
        mem.addRegion("ram", 0x8000_0000L, 0x8000_0000L, "kernel", "ram");
        mem.addRegion("rx-ring", RING_BASE, (long) SLOTS * PhysicalMemory.PAGE_SIZE, "driver", "receive buffers");
        int agent = mem.registerAgent("01:00.0");
        // first pass outside the timing: every page exists, as in a running ring
        for (int i = 0; i < SLOTS; i++) {
            mem.dmaWrite(agent, RING_BASE + ((long) i << PhysicalMemory.PAGE_SHIFT), bufferBytes, i);
        }
        long t0 = System.nanoTime();
        for (long n = 0; n < transactions; n++) {
            long slot = n & (SLOTS - 1);
            mem.dmaWrite(agent, RING_BASE + (slot << PhysicalMemory.PAGE_SHIFT), bufferBytes, n);
        }
        long elapsed = Math.max(1, System.nanoTime() - t0);
        long want = SLOTS + transactions;
        if (mem.stats(mem.region("rx-ring")).writes() != want) {
            throw new IllegalStateException("accounted " + mem.stats(mem.region("rx-ring")).writes() + " of " + want);
        }
        return transactions * 1e9 / elapsed;
    }
}
