package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.pcie.RootComplexParams;
import dev.kdumpsim.smmuv3.SmmuParameters;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@link Machine} is built from. Plain data; the scenarios module assembles it from
 * a scenario file.
 *
 * @param seed seed of every random stream
 * @param dram DRAM banks
 * @param smmu SMMU implementation parameters
 * @param evtqMaxShift the drivers' EVTQ_MAX_SZ_SHIFT (log2 of event queue entries, 7 in early 4.x)
 * @param rootComplex root complex parameters
 * @param rootPorts BDFs of the root ports (bus 0); each gets the next secondary bus
 * @param endpoints endpoint devices
 * @param first kernel #1
 * @param kdump the kdump kernel
 * @param mitigations mitigations in force
 * @param timeline actions; exactly one PANIC, at most one RUN_UNTIL
 * @param steadyStateWindowNs kernel #1's DMA is simulated only for this long before the panic
 *     (earlier traffic leaves the same ring and IOVA state behind; see docs/model-kernel.md)
 */
public record MachineConfig(long seed, DramLayout dram, SmmuParameters smmu, int evtqMaxShift,
        RootComplexParams rootComplex, List<Integer> rootPorts, List<EndpointConfig> endpoints, KernelConfig first,
        KernelConfig kdump, Set<Mitigation> mitigations, List<TimelineEvent> timeline, long steadyStateWindowNs) {

    public static final long DEFAULT_STEADY_STATE_WINDOW_NS = 20_000_000L;

    public MachineConfig {
        rootPorts = List.copyOf(rootPorts);
        endpoints = List.copyOf(endpoints);
        mitigations = Set.copyOf(mitigations);
        timeline = List.copyOf(timeline);
        long panics = timeline.stream().filter(e -> e.kind() == TimelineEvent.Kind.PANIC).count();
        if (panics != 1) {
            throw new IllegalArgumentException("the timeline needs exactly one panic, found " + panics);
        }
    }
}
