package dev.kdumpsim.cli.bench;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.bench.BenchStats;
import dev.kdumpsim.bench.DmaPathBenchmark;
import dev.kdumpsim.smmuv3.SmmuParameters;
import dev.kdumpsim.smmuv3.SmmuV3;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kdumpsim bench dma}: transactions/s through endpoint -> root complex -> IOMMU -> memory. */
@Command(
        name = "dma",
        mixinStandardHelpOptions = true,
        description = {
            "Pushes DMA transactions (receive-buffer writes, completion writes, descriptor fetches) from one endpoint",
            "through the root complex, the IOMMU and physical memory; prints transactions/s per iteration and the median,",
            "by wall clock and per CPU-second of the running thread (which a shared machine disturbs far less)."
        })
public final class DmaCommand implements Callable<Integer> {

    /** Which IOMMU sits in the path. */
    enum IommuChoice {
        none, smmu
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--transactions", paramLabel = "T", defaultValue = "5000000", description = "Transactions per iteration (default: ${DEFAULT-VALUE}).")
    long transactions;

    @Option(names = "--bytes", paramLabel = "B", defaultValue = "256", description = "Receive-buffer write size in bytes (default: ${DEFAULT-VALUE}).")
    int bytes;

    @Option(names = "--iommu", paramLabel = "IOMMU", defaultValue = "smmu",
            description = "none, or smmu: the SMMUv3 model out of reset (SMMUEN=0, GBPA bypass) (default: ${DEFAULT-VALUE}).")
    IommuChoice iommu;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "5", description = "Measured iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "2", description = "Unmeasured warm-up iterations (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() {
        if (transactions < 1 || bytes < 1 || bytes > 4096 || iterations < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--transactions and --iterations must be at least 1, --bytes 1..4096, --warmup at least 0");
        }
        BiFunction<Simulation, PhysicalMemory, Iommu> factory = iommu == IommuChoice.none
                ? (s, m) -> Iommu.NONE
                : (s, m) -> new SmmuV3("smmu", s, m, SmmuParameters.defaults());
        PrintWriter out = spec.commandLine().getOut();
        double[] tps = new double[iterations];
        double[] cpu = new double[iterations];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup + iterations; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            DmaPathBenchmark.Result r = DmaPathBenchmark.run(transactions, bytes, factory);
            double perCpuSecond = r.transactions() * 1e9 / Math.max(1, threads.getCurrentThreadCpuTime() - cpu0);
            boolean isWarmup = i < warmup;
            if (!isWarmup) {
                tps[i - warmup] = r.transactionsPerSecond();
                cpu[i - warmup] = perCpuSecond;
            }
            out.printf(Locale.ROOT, "%s %d: %,.0f transactions/s, %,.0f per CPU-s (%d transactions, %.3f ms simulated)%n",
                    isWarmup ? "warmup" : "iteration", (isWarmup ? i : i - warmup) + 1,
                    r.transactionsPerSecond(), perCpuSecond, r.transactions(), r.simulatedNs() / 1e6);
            out.flush();
        }
        double median = BenchStats.median(tps);
        out.printf(Locale.ROOT, "median: %,.0f transactions/s, %,.0f per CPU-s (iommu=%s, %d-byte writes)%n", median,
                BenchStats.median(cpu), iommu, bytes);
        return ExitCodes.OK;
    }
}
