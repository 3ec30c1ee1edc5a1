package dev.kdumpsim.kernel.vtd;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.version.Behaviours;

/**
 * {@code sm_supported(iommu)}: {@code intel_iommu_sm && ecap_smts(iommu->ecap)}. {@code
 * intel_iommu_sm} is set by {@code intel_iommu=sm_on} and cleared by {@code sm_off} in
 * {@code intel_iommu_setup}'s comma list (the last one wins), from the release the version table
 * gives {@link Behaviours#INTEL_IOMMU_SCALABLE_MODE}; an older kernel does not know the option and
 * runs legacy mode. The default is off (CONFIG_INTEL_IOMMU_SCALABLE_MODE_DEFAULT_ON=n, as in the
 * v5.0 source and the distribution configs this model follows). Not modelled: the option's
 * {@code pr_info} lines.
 */
final class ScalableModeChoice {

    /** ECAP bit 43: scalable mode translation support. */
    static final long ECAP_SMTS = 1L << 43;

    private ScalableModeChoice() {
    }

    static boolean smSupported(KernelContext k, long ecap) {
        if (!k.version().get(Behaviours.INTEL_IOMMU_SCALABLE_MODE) || (ecap & ECAP_SMTS) == 0) {
            return false;
        }
        boolean sm = false;
        for (String o : k.cmdline().value("intel_iommu").orElse("").split(",")) {
            if (o.equals("sm_on")) {
                sm = true;
            } else if (o.equals("sm_off")) {
                sm = false;
            }
        }
        return sm;
    }
}
