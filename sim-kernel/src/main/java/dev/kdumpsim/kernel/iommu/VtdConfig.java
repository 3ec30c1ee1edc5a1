package dev.kdumpsim.kernel.iommu;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.vtd.VtdParameters;

/**
 * One Intel VT-d DMA-remapping unit (sim-vtd's {@code DmarUnit}, "dmar0") covering every PCI
 * device (a DRHD with INCLUDE_PCI_ALL), behind a root complex that maps requester IDs to
 * source-ids one-to-one and hands interrupt-range writes to the unit's interrupt remapper.
 *
 * @param parameters what the unit's CAP/ECAP advertise and its latencies
 */
@KernelApi
public record VtdConfig(VtdParameters parameters) implements IommuConfig {

    public static final String MODEL = "vt-d";

    /** A server-class legacy-mode unit ({@link VtdParameters#defaults()}). */
    public static VtdConfig defaults() {
        return new VtdConfig(VtdParameters.defaults());
    }

    @Override
    public String model() {
        return MODEL;
    }
}
