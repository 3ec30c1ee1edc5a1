package dev.kdumpsim.scenarios.value;

import dev.kdumpsim.kernel.iommu.IommuDriverPolicy;
import dev.kdumpsim.kernel.machine.IommuPolicies;
import java.util.List;

/**
 * The name of an IOMMU driver policy of any model ({@code arm-smmu-v3@4.16}, {@code intel-iommu@4.2},
 * ...), as {@code kernels.*.iommuDriver} writes it. The names are the kernel's own: sim-kernel's
 * {@code IommuPolicies} is the one list, so a new model's policies need no entry here.
 */
public record IommuDriverName(String specName) {

    public IommuDriverName {
        if (!IommuPolicies.names().contains(specName)) {
            throw new IllegalArgumentException("unknown IOMMU driver policy '" + specName + "'; known: "
                    + String.join(", ", IommuPolicies.names()));
        }
    }

    public static IommuDriverName parse(String text) {
        return new IommuDriverName(text.strip());
    }

    /** Every policy name, for the schema's enum and hints. */
    public static List<String> all() {
        return IommuPolicies.names();
    }

    /** The kernel's policy of this name. */
    public IommuDriverPolicy policy() {
        return IommuPolicies.policy(specName);
    }

    /** The IOMMU model this policy drives ({@code platform.iommu.model}). */
    public String model() {
        return policy().model();
    }

    @Override
    public String toString() {
        return specName;
    }
}
