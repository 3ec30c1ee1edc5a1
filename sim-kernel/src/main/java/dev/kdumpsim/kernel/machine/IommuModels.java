package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.iommu.IommuConfig;
import dev.kdumpsim.kernel.iommu.IommuHardware;
import dev.kdumpsim.kernel.iommu.SmmuV3Config;
import dev.kdumpsim.kernel.iommu.VtdConfig;
import dev.kdumpsim.kernel.smmu.SmmuV3Hardware;
import dev.kdumpsim.kernel.vtd.VtdHardware;

/**
 * The one place where IOMMU models are registered: each {@link IommuConfig} becomes its
 * hardware (and, through it, its drivers). Adding a model adds one case here.
 */
final class IommuModels {

    private IommuModels() {
    }

    /** Builds the IOMMU hardware of {@code config} on the machine's clock and memory. */
    static IommuHardware create(IommuConfig config, Simulation sim, PhysicalMemory memory) {
        if (config instanceof SmmuV3Config c) {
            return new SmmuV3Hardware(c, sim, memory);
        }
        if (config instanceof VtdConfig c) {
            return new VtdHardware(c, sim, memory);
        }
        throw new IllegalArgumentException("no IOMMU model registered for " + config.model());
    }
}
