package dev.kdumpsim.kernel.smmu;

import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.iommu.IommuDriver;
import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.iommu.IommuFaultCounts;
import dev.kdumpsim.kernel.iommu.IommuHardware;
import dev.kdumpsim.kernel.iommu.SmmuV3Config;
import dev.kdumpsim.smmuv3.EventCounters;
import dev.kdumpsim.smmuv3.SmmuV3;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The SMMUv3 model (sim-smmuv3) registered as a machine's IOMMU, with the arm-smmu-v3 driver. */
public final class SmmuV3Hardware implements IommuHardware {

    private final SmmuV3Config config;
    private final SmmuV3 smmu;

    public SmmuV3Hardware(SmmuV3Config config, Simulation sim, PhysicalMemory memory) {
        this.config = config;
        this.smmu = new SmmuV3("smmu0", sim, memory, config.parameters());
    }

    @Override
    public String model() {
        return SmmuV3Config.MODEL;
    }

    @Override
    public Iommu port() {
        return smmu;
    }

    @Override
    public IommuDriver newDriver(KernelContext kernel, IommuDriverPolicy policy, long pageBytes) {
        if (!(policy instanceof SmmuDriverPolicy p)) {
            throw new IllegalArgumentException("driver policy " + policy.specName() + " drives " + policy.model()
                    + ", not an SMMUv3");
        }
        return new ArmSmmuV3Driver(kernel, smmu, p, smmu.parameters().coherentAccess(), config.evtqMaxShift(),
                pageBytes);
    }

    @Override
    public IommuFaultCounts faultCounts() {
        EventCounters c = smmu.eventCounters();
        Map<String, Long> byId = new LinkedHashMap<>();
        for (int id = 0; id < 256; id++) {
            if (c.raised(id) > 0) {
                byId.put(String.format(Locale.ROOT, "0x%02x", id), c.raised(id));
            }
        }
        return new IommuFaultCounts(c.raised(), c.written(), c.lostOverflow(), c.discardedQueueDisabled(), c.merged(),
                byId);
    }

    @Override
    public SmmuV3 device() {
        return smmu;
    }
}
