package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.iommu.SmmuV3Config;
import dev.kdumpsim.kernel.iommu.VtdConfig;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.VersionTable;
import dev.kdumpsim.kernel.vtd.IntelIommuPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The driver policies of every registered IOMMU model ({@link IommuModels}), for the scenario
 * format: a {@code kernels.*.iommuDriver} name, and the policy a release runs when none is named.
 */
@KernelApi
public final class IommuPolicies {

    private static final List<IommuDriverPolicy> ALL;

    static {
        List<IommuDriverPolicy> l = new ArrayList<>();
        Collections.addAll(l, SmmuDriverPolicy.values());
        Collections.addAll(l, IntelIommuPolicy.values());
        ALL = List.copyOf(l);
    }

    private IommuPolicies() {
    }

    /** Every policy's spec name, model by model. */
    public static List<String> names() {
        return ALL.stream().map(IommuDriverPolicy::specName).toList();
    }

    /** The policy called {@code specName} (e.g. {@code intel-iommu@4.2}); IllegalArgumentException listing the known ones. */
    public static IommuDriverPolicy policy(String specName) {
        for (IommuDriverPolicy p : ALL) {
            if (p.specName().equals(specName)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown IOMMU driver policy '" + specName + "'; known: "
                + String.join(", ", names()));
    }

    /**
     * The policy the version table gives {@code model}'s driver in {@code release}: for
     * {@code smmuv3} {@link KernelConfig#smmuPolicyOf}, for {@code vt-d} the
     * {@link Behaviours#INTEL_IOMMU_KDUMP} row.
     */
    public static IommuDriverPolicy defaultPolicy(String model, KernelRelease release) {
        switch (model) {
            case SmmuV3Config.MODEL:
                return KernelConfig.smmuPolicyOf(release);
            case VtdConfig.MODEL:
                return IntelIommuPolicy.bySpecName(VersionTable.at(Behaviours.INTEL_IOMMU_KDUMP, release));
            default:
                throw new IllegalArgumentException("unknown IOMMU model '" + model + "'; known: " + SmmuV3Config.MODEL
                        + ", " + VtdConfig.MODEL);
        }
    }
}
