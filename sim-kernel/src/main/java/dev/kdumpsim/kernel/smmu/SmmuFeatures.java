package dev.kdumpsim.kernel.smmu;

import dev.kdumpsim.core.param.ParameterBuilder;
import dev.kdumpsim.smmuv3.SmmuParameters;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.kernel.version.SmmuQueueSizing;

/**
 * {@code arm_smmu_device_hw_probe()}: the driver's feature word and address sizes computed from
 * the ID registers it reads (drivers/iommu/arm-smmu-v3.c; bit numbers of {@code ARM_SMMU_FEAT_*}
 * in v4.16 drivers/iommu/arm-smmu-v3.c). The 2018 report's SMMU gives {@code features 0x00001fef}.
 */
@KernelApi
public record SmmuFeatures(int features, int ias, int oas, int sidBits, int evtqShift, int cmdqShift) {

    public static final int FEAT_2_LVL_STRTAB = 1;
    public static final int FEAT_2_LVL_CDTAB = 1 << 1;
    public static final int FEAT_TT_LE = 1 << 2;
    public static final int FEAT_TT_BE = 1 << 3;
    public static final int FEAT_PRI = 1 << 4;
    public static final int FEAT_ATS = 1 << 5;
    public static final int FEAT_SEV = 1 << 6;
    public static final int FEAT_MSI = 1 << 7;
    public static final int FEAT_COHERENCY = 1 << 8;
    public static final int FEAT_TRANS_S1 = 1 << 9;
    public static final int FEAT_TRANS_S2 = 1 << 10;
    public static final int FEAT_STALLS = 1 << 11;
    public static final int FEAT_HYP = 1 << 12;
    public static final int FEAT_STALL_FORCE = 1 << 13;

    /** {@code CMDQ_MAX_SZ_SHIFT} of the early 4.x driver: at most 2^8 commands. */
    public static final int CMDQ_MAX_SZ_SHIFT = 8;
    /** {@code CONFIG_CMA_ALIGNMENT} default (mm/Kconfig). */
    static final int CMA_ALIGNMENT = 8;
    /** log2 of an event record's bytes ({@code EVTQ_ENT_SZ_SHIFT}). */
    static final int EVTQ_ENT_SZ_SHIFT = 5;
    /** log2 of a command's bytes ({@code CMDQ_ENT_SZ_SHIFT}). */
    static final int CMDQ_ENT_SZ_SHIFT = 4;

    /**
     * Decodes IDR0/IDR1/IDR5 as the driver does.
     *
     * @param evtqMaxShift the driver's {@code EVTQ_MAX_SZ_SHIFT} (7 in early 4.x: 128 entries)
     * @param coherentFirmware the firmware marks the SMMU coherent ("dma-coherent" / IORT COHACC
     *     override); Linux sets COHERENCY from IDR0.COHACC only when firmware agrees
     */
    public static SmmuFeatures decode(int idr0, int idr1, int idr5, int evtqMaxShift, boolean coherentFirmware) {
        return decode(idr0, idr1, idr5, evtqMaxShift, CMDQ_MAX_SZ_SHIFT, coherentFirmware);
    }

    /**
     * The driver's {@code EVTQ_MAX_SZ_SHIFT} under a queue-sizing rule: the scenario's (4.x, 7),
     * {@code Q_MAX_SZ_SHIFT - 5} with {@code Q_MAX_SZ_SHIFT = PAGE_SHIFT + CONFIG_CMA_ALIGNMENT (8)}
     * (d25f6ead162e), or one page of 32-byte records (the later one-page limit).
     */
    public static int evtqMaxShift(SmmuQueueSizing sizing, int fixed, int pageShift) {
        return switch (sizing) {
            case FIXED_SHIFT -> fixed;
            case CMA_SIZED -> pageShift + CMA_ALIGNMENT - EVTQ_ENT_SZ_SHIFT;
            case ONE_PAGE -> pageShift - EVTQ_ENT_SZ_SHIFT;
        };
    }

    /** The driver's {@code CMDQ_MAX_SZ_SHIFT}: 8 in 4.x, {@code Q_MAX_SZ_SHIFT - 4} since d25f6ead162e. */
    public static int cmdqMaxShift(SmmuQueueSizing sizing, int pageShift) {
        return sizing == SmmuQueueSizing.FIXED_SHIFT ? CMDQ_MAX_SZ_SHIFT : pageShift + CMA_ALIGNMENT - CMDQ_ENT_SZ_SHIFT;
    }

    /** Decodes IDR0/IDR1/IDR5 with explicit queue limits. */
    public static SmmuFeatures decode(int idr0, int idr1, int idr5, int evtqMaxShift, int cmdqMaxShift,
            boolean coherentFirmware) {
        int f = 0;
        if (((idr0 >>> 27) & 3) == 1) {
            f |= FEAT_2_LVL_STRTAB; // ST_LEVEL = 2LVL
        }
        if ((idr0 & (1 << 19)) != 0) {
            f |= FEAT_2_LVL_CDTAB;
        }
        switch ((idr0 >>> 21) & 3) { // TTENDIAN
            case 0: f |= FEAT_TT_LE | FEAT_TT_BE; break; // mixed
            case 2: f |= FEAT_TT_LE; break;
            case 3: f |= FEAT_TT_BE; break;
            default: break;
        }
        if ((idr0 & (1 << 16)) != 0) {
            f |= FEAT_PRI;
        }
        if ((idr0 & (1 << 10)) != 0) {
            f |= FEAT_ATS;
        }
        if ((idr0 & (1 << 14)) != 0) {
            f |= FEAT_SEV;
        }
        if ((idr0 & (1 << 13)) != 0) {
            f |= FEAT_MSI;
        }
        if ((idr0 & (1 << 4)) != 0 && coherentFirmware) {
            f |= FEAT_COHERENCY;
        }
        switch ((idr0 >>> 24) & 3) { // STALL_MODEL
            case 0: f |= FEAT_STALLS; break;
            case 2: f |= FEAT_STALL_FORCE; break;
            default: break;
        }
        if ((idr0 & 2) != 0) {
            f |= FEAT_TRANS_S1;
        }
        if ((idr0 & 1) != 0) {
            f |= FEAT_TRANS_S2;
        }
        if ((idr0 & (1 << 9)) != 0) {
            f |= FEAT_HYP;
        }
        int oas = switch (idr5 & 7) {
            case 0 -> 32;
            case 1 -> 36;
            case 2 -> 40;
            case 3 -> 42;
            case 4 -> 44;
            case 6 -> 52;
            default -> 48;
        };
        // "smmu->ias = max(smmu->ias, smmu->oas)" with ias not raised elsewhere for these SMMUs
        int ias = oas;
        int sid = idr1 & 0x3f;
        int evtq = Math.min((idr1 >>> 16) & 0x1f, evtqMaxShift);
        int cmdq = Math.min((idr1 >>> 21) & 0x1f, cmdqMaxShift);
        return new SmmuFeatures(f, ias, oas, sid, evtq, cmdq);
    }

    /** Every feature bit the model's ID registers can advertise ({@code FEAT_2_LVL_STRTAB} to {@code FEAT_STALL_FORCE}). */
    public static final int MODELLED_FEATURES = (FEAT_STALL_FORCE << 1) - 1;

    /**
     * Why the driver could not have printed {@code features} from the model's ID registers, or null:
     * a bit above {@code FEAT_STALL_FORCE} (later drivers' VAX, RANGE_INV, BTM, SVA, E2H... are not
     * modelled), no translation-table endianness (IDR0.TTENDIAN 0b01 is reserved), or both stall
     * features (one STALL_MODEL gives one of them).
     */
    public static String unreachable(int features) {
        if ((features & ~MODELLED_FEATURES) != 0) {
            return String.format(java.util.Locale.ROOT, "bits 0x%x are features the model's SMMU does not advertise",
                    features & ~MODELLED_FEATURES);
        }
        if ((features & (FEAT_TT_LE | FEAT_TT_BE)) == 0) {
            return "neither TT_LE nor TT_BE: IDR0.TTENDIAN 0b01 is reserved";
        }
        if ((features & FEAT_STALLS) != 0 && (features & FEAT_STALL_FORCE) != 0) {
            return "STALLS and STALL_FORCE come from one IDR0.STALL_MODEL: at most one";
        }
        return null;
    }

    /**
     * The ID-register fields that make {@code arm_smmu_device_hw_probe} print {@code features}: the
     * inverse of {@link #decode} for the IDR0 bits it reads (IHI0070 §6.3.1), so a scenario can give
     * the SMMU of a report by the mask its log shows. COHERENCY also needs the firmware to call
     * the SMMU coherent (IORT/DT), which the model's platform does. {@link #unreachable} must be null.
     */
    public static ParameterBuilder<SmmuParameters> advertise(int features, ParameterBuilder<SmmuParameters> b) {
        boolean le = (features & FEAT_TT_LE) != 0;
        boolean be = (features & FEAT_TT_BE) != 0;
        return b.set("twoLevelStreamTable", (features & FEAT_2_LVL_STRTAB) != 0)
                .set("twoLevelCdTable", (features & FEAT_2_LVL_CDTAB) != 0)
                .set("ttEndian", le && be ? 0 : le ? 2 : 3)
                .set("pri", (features & FEAT_PRI) != 0)
                .set("ats", (features & FEAT_ATS) != 0)
                .set("sev", (features & FEAT_SEV) != 0)
                .set("msi", (features & FEAT_MSI) != 0)
                .set("coherentAccess", (features & FEAT_COHERENCY) != 0)
                .set("stallModel", (features & FEAT_STALLS) != 0 ? 0 : (features & FEAT_STALL_FORCE) != 0 ? 2 : 1)
                .set("stage1", (features & FEAT_TRANS_S1) != 0)
                .set("stage2", (features & FEAT_TRANS_S2) != 0)
                .set("hyp", (features & FEAT_HYP) != 0);
    }

    public boolean has(int feature) {
        return (features & feature) != 0;
    }

    /** CD.IPS encoding of the output size ({@code arm_smmu_domain_finalise_s1}: oas = smmu->ias). */
    public int ipsEncoding() {
        return switch (ias) {
            case 32 -> 0;
            case 36 -> 1;
            case 40 -> 2;
            case 42 -> 3;
            case 44 -> 4;
            case 52 -> 6;
            default -> 5;
        };
    }
}
