package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.SimDuration;

/**
 * The Intel VT-d DMA-remapping unit's implementation choices (VT-d specification §11.4.2 CAP_REG
 * and §11.4.3 ECAP_REG), for {@code platform.iommu.model: vt-d}. Everything else keeps sim-vtd's
 * documented defaults (VtdParameters).
 */
@Doc("Intel VT-d remapping unit parameters (platform.iommu.model: vt-d)")
public record Vtd(
        @Doc(value = "CAP.NFR+1: fault recording registers, 1 to 256", dflt = "8") int faultRecordCount,
        @Doc(value = "CAP.ND: domain-id width in bits (4 to 16, even)", dflt = "16") int domainIdBits,
        @Doc(value = "ECAP.QI: the invalidation queue", dflt = "true") boolean queuedInvalidation,
        @Doc(value = "ECAP.IR: interrupt remapping (needs queuedInvalidation)", dflt = "true") boolean interruptRemapping,
        @Doc(value = "ECAP.SMTS/SLTS: scalable-mode tables", dflt = "false") boolean scalableMode,
        @Doc(value = "Time from a GCMD_REG write to the matching GSTS_REG change", dflt = "1us") SimDuration commandLatency) {
}
