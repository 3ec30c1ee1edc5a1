package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.kernel.ras.CperSeverityPolicy;

/**
 * The platform's RAS behaviour: what firmware that owns AER reports, and whether an IOMMU-aborted
 * DMA is also signalled to the CPUs as an SError (arm64 RAS: the SMMU or root complex reports the
 * abort as an error interrupt the CPU takes as an asynchronous SError; Nicolin Chen's 2026 mail:
 * in-flight DMA aborted by the SMMU "generating fatal PCIe AER or SErrors that may panic the kdump
 * kernel").
 *
 * @param cperSeverity firmware's CPER severity for uncorrectable errors (firmware first only)
 * @param abortedDmaSError an aborted DMA raises an SError on the CPU (arm64 only)
 * @param serrorEsr the ESR_EL1 value the SError carries (EC 0x2f, IL, ISS; 0xbf000000: IDS set,
 *     implementation-defined syndrome 0, a common value on such platforms)
 */
@KernelApi
public record RasConfig(CperSeverityPolicy cperSeverity, boolean abortedDmaSError, int serrorEsr) {

    /** Firmware reports the device's own severity; aborted DMA raises no SError. */
    public static final RasConfig DEFAULT = new RasConfig(CperSeverityPolicy.FROM_AER_SEVERITY, false, 0xbf000000);

    public RasConfig {
        if (cperSeverity == null) {
            throw new IllegalArgumentException("cperSeverity must be given");
        }
        if (abortedDmaSError && (serrorEsr >>> 26) != 0x2f) {
            throw new IllegalArgumentException("an SError's ESR has EC 0x2f, got 0x" + Integer.toHexString(serrorEsr));
        }
    }
}
