package dev.kdumpsim.bench;

import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.pcie.*;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.CompletionRing;
import dev.kdumpsim.pcie.dma.DescriptorRing;
import dev.kdumpsim.pcie.dma.ReceiveBufferRing;

/**
 * Throughput of the whole device -> root complex -> IOMMU -> PhysicalMemory path, for the CLI's
 * {@code bench} command. Benchmarks may read the wall clock; the model never does.
 */
public final class DmaPathBenchmark {

    /**
     * @param transactions fated transactions pushed through
     * @param simulatedNs simulated time covered
     * @param elapsedNs wall-clock time taken
     * @param transactionsPerSecond transactions / wall-clock second
     */
    public record Result(long transactions, long simulatedNs, long elapsedNs, double transactionsPerSecond) {
    }

    private DmaPathBenchmark() {
    }

    /**
     * Builds one root port + endpoint whose function writes 256-byte receive buffers and 16-byte
     * completions and polls 64-byte descriptors, runs until {@code transactions} have a fate.
     *
     * @param iommuFactory makes the IOMMU for the run's simulation and memory (e.g. an SMMU model);
     *     {@code (sim, mem) -> Iommu.NONE} for the bare path
     */
    public static Result run(long transactions, java.util.function.BiFunction<Simulation, PhysicalMemory, Iommu> iommuFactory) {
        return run(transactions, 256, iommuFactory);
    }

    /**
     * As {@link #run(long, java.util.function.BiFunction)} with receive buffers of {@code bufferBytes}
     * (descriptors are 64 bytes, completion entries 16): memory accounting cost grows with size.
     */
    public static Result run(long transactions, int bufferBytes,
            java.util.function.BiFunction<Simulation, PhysicalMemory, Iommu> iommuFactory) {
        Simulation sim = new Simulation(1);
        PhysicalMemory mem = new PhysicalMemory(sim);
        mem.addRegion("ram", 0x8000_0000L, 0x8000_0000L, "kernel", "ram");
        Iommu iommu = iommuFactory.apply(sim, mem);
        RootComplex rc = new RootComplex(sim, mem, iommu, RootComplexParams.REPORT_2018);
        PcieBridge rp = rc.addRootPort(1, 1);
        rc.enableAllBridges();
        EndpointFunction f = rp.attachEndpoint(EndpointParams.defaults("bench").withUpstreamLatencyNs(100)).function(0);
        rc.configWrite(f.bdf(), PciRegs.COMMAND, 2, PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER);
        f.postReceiveBuffers(new ReceiveBufferRing(0xf000_0000L, 4096, bufferBytes, 4096, 4096, 10));
        f.programCompletionRing(new CompletionRing(0xf100_0000L, 1024, 16));
        f.programDescriptorRing(new DescriptorRing(0xf200_0000L, 1024, 64, 20));
        long t0 = System.nanoTime();
        while (rc.fatedCount() < transactions) {
            if (f.postedBuffers() < 1024) {
                f.refillReceiveBuffers(4096);
            }
            if (!sim.step()) {
                break;
            }
        }
        long elapsed = Math.max(1, System.nanoTime() - t0);
        long n = rc.fatedCount();
        return new Result(n, sim.now(), elapsed, n * 1e9 / elapsed);
    }

    /** Bare path with {@link Iommu#NONE}. */
    public static Result run(long transactions) {
        return run(transactions, (s, m) -> Iommu.NONE);
    }

}
