package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.kernel.arch.Arch;
import dev.kdumpsim.kernel.arch.Arches;
import dev.kdumpsim.kernel.iommu.IommuConfig;
import dev.kdumpsim.kernel.iommu.SmmuV3Config;
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
 * @param arch the CPU architecture (crashkernel placement, MSI doorbell, crash-path lines)
 * @param dram DRAM banks
 * @param iommu the IOMMU model and its hardware parameters
 * @param rootComplex root complex parameters
 * @param rootPorts BDFs of the root ports (bus 0); each gets the bus of what is below it
 * @param switches PCIe switches below root ports or other switches' downstream ports
 * @param endpoints endpoint devices
 * @param first kernel #1
 * @param kdump the kdump kernel
 * @param mitigations mitigations in force
 * @param timeline actions; exactly one PANIC, at most one RUN_UNTIL
 * @param steadyStateWindowNs kernel #1's DMA is simulated only for this long before the panic
 *     (earlier traffic leaves the same ring and IOVA state behind; see docs/model-kernel.md)
 * @param ras the platform's RAS behaviour (firmware-first severity, SError on aborted DMA)
 */
@KernelApi
public record MachineConfig(long seed, Arch arch, DramLayout dram, IommuConfig iommu, RootComplexParams rootComplex,
        List<Integer> rootPorts, List<SwitchConfig> switches, List<EndpointConfig> endpoints, KernelConfig first,
        KernelConfig kdump, Set<Mitigation> mitigations, List<TimelineEvent> timeline, long steadyStateWindowNs,
        RasConfig ras) {

    public static final long DEFAULT_STEADY_STATE_WINDOW_NS = 20_000_000L;

    public MachineConfig {
        rootPorts = List.copyOf(rootPorts);
        switches = List.copyOf(switches);
        endpoints = List.copyOf(endpoints);
        mitigations = Set.copyOf(mitigations);
        timeline = List.copyOf(timeline);
        long panics = timeline.stream().filter(e -> e.kind() == TimelineEvent.Kind.PANIC).count();
        if (panics != 1) {
            throw new IllegalArgumentException("the timeline needs exactly one panic, found " + panics);
        }
        if (ras == null) {
            throw new IllegalArgumentException("ras must be given (RasConfig.DEFAULT)");
        }
    }

    /** A machine with the default RAS behaviour ({@link RasConfig#DEFAULT}). */
    public MachineConfig(long seed, Arch arch, DramLayout dram, IommuConfig iommu, RootComplexParams rootComplex,
            List<Integer> rootPorts, List<SwitchConfig> switches, List<EndpointConfig> endpoints, KernelConfig first,
            KernelConfig kdump, Set<Mitigation> mitigations, List<TimelineEvent> timeline, long steadyStateWindowNs) {
        this(seed, arch, dram, iommu, rootComplex, rootPorts, switches, endpoints, first, kdump, mitigations, timeline,
                steadyStateWindowNs, RasConfig.DEFAULT);
    }

    /** An arm64 machine with an SMMUv3 and no switches (the wave-1 shape). */
    public MachineConfig(long seed, DramLayout dram, SmmuParameters smmu, int evtqMaxShift,
            RootComplexParams rootComplex, List<Integer> rootPorts, List<EndpointConfig> endpoints, KernelConfig first,
            KernelConfig kdump, Set<Mitigation> mitigations, List<TimelineEvent> timeline, long steadyStateWindowNs) {
        this(seed, Arches.ARM64, dram, new SmmuV3Config(smmu, evtqMaxShift), rootComplex, rootPorts, List.of(),
                endpoints, first, kdump, mitigations, timeline, steadyStateWindowNs);
    }

    /** The SMMUv3's parameters, or null when the IOMMU is another model. */
    public SmmuParameters smmu() {
        return iommu instanceof SmmuV3Config c ? c.parameters() : null;
    }

    /** The SMMUv3 drivers' EVTQ_MAX_SZ_SHIFT, or -1 when the IOMMU is another model. */
    public int evtqMaxShift() {
        return iommu instanceof SmmuV3Config c ? c.evtqMaxShift() : -1;
    }

    /** This configuration with another timeline. */
    public MachineConfig withTimeline(List<TimelineEvent> t) {
        return new MachineConfig(seed, arch, dram, iommu, rootComplex, rootPorts, switches, endpoints, first, kdump,
                mitigations, t, steadyStateWindowNs, ras);
    }
}
