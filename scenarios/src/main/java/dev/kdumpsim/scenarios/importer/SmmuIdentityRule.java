package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The SMMUv3 the kdump kernel found: {@code ias %lu-bit, oas %lu-bit (features 0x%08x)}
 * (arm_smmu_device_hw_probe) and {@code SMMU currently enabled! Resetting...}
 * (arm_smmu_device_reset; Linux v4.16 drivers/iommu/arm-smmu-v3.c).
 */
public final class SmmuIdentityRule implements Rule {

    /** The IDR5.OAS encodings (IHI 0070, section 6.3.6): another number is not an SMMUv3's. */
    static final java.util.Set<Integer> OAS = java.util.Set.of(32, 36, 40, 42, 44, 48, 52);
    private static final Pattern IDENTITY = Pattern.compile("^arm-smmu-v3 (\\S+): ias (\\d{1,3})-bit, oas (\\d{1,3})-bit \\(features (0x[0-9a-fA-F]{1,16})\\)");

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (!msg.startsWith("arm-smmu-v3 ")) {
            return;
        }
        if (msg.contains("-bit, oas ")) {
            Matcher m = IDENTITY.matcher(msg);
            if (m.find() && facts.smmuOas == null && OAS.contains(Integer.parseInt(m.group(3)))) {
                facts.smmuDevice = m.group(1);
                facts.smmuIas = Integer.parseInt(m.group(2));
                facts.smmuOas = Integer.parseInt(m.group(3));
                facts.smmuFeatures = m.group(4);
                facts.smmuWhere = line.where();
                facts.distinctive(line, "IOMMU identity");
            }
        } else if (msg.contains("SMMU currently enabled! Resetting")) {
            facts.smmuReset = true;
            if (facts.smmuResetWhere == null) {
                facts.smmuResetWhere = line.where();
            }
            facts.distinctive(line, "IOMMU reset");
        }
    }
}
