package dev.kdumpsim.kernel.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.vtd.IntelIommuPolicy;
import org.junit.jupiter.api.Test;

/** The scenario format's look-ups over every IOMMU model's driver policies. */
class IommuPoliciesTest {

    @Test
    void policiesAreFoundByTheirSpecNameAcrossModels() {
        assertEquals(IntelIommuPolicy.V4_2, IommuPolicies.policy("intel-iommu@4.2"));
        assertEquals(IntelIommuPolicy.V4_0, IommuPolicies.policy("intel-iommu@4.0"));
        assertEquals(SmmuDriverPolicy.V4_16, IommuPolicies.policy("arm-smmu-v3@4.16"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IommuPolicies.policy("intel-iommu@9"));
        assertTrue(e.getMessage().contains("intel-iommu@4.2") && e.getMessage().contains("arm-smmu-v3@4.16"), e.getMessage());
    }

    @Test
    void theDefaultPolicyIsTheVersionTables() {
        assertEquals(IntelIommuPolicy.V4_0, IommuPolicies.defaultPolicy("vt-d", KernelRelease.parse("4.1.0")));
        assertEquals(IntelIommuPolicy.V4_2, IommuPolicies.defaultPolicy("vt-d", KernelRelease.parse("4.2.0")));
        KernelRelease r = KernelRelease.parse("4.19.51");
        assertEquals(KernelConfig.smmuPolicyOf(r), IommuPolicies.defaultPolicy("smmuv3", r));
        assertThrows(IllegalArgumentException.class, () -> IommuPolicies.defaultPolicy("amd-vi", r));
    }
}
