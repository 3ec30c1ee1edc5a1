package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.param.ModelParameter;
import dev.kdumpsim.core.param.ParameterBuilder;
import java.util.List;

/**
 * Build-time parameters of one SMMUv3 instance: what its ID registers advertise and how long its
 * register handshakes and commands take.
 *
 * <p>The defaults describe the SMMU of the 2018 report (Qualcomm Centriq-class server): Linux's
 * {@code arm_smmu_device_hw_probe} computes {@code features 0x00001fef} from {@link #idr0()} and
 * prints "ias 44-bit, oas 44-bit" (v4.16 arm_smmu_device_hw_probe). Register bit positions follow IHI0070
 * §6.3.1 (IDR0), §6.3.2 (IDR1), §6.3.6 (IDR5).
 *
 * <p>Each parameter is declared once, with its default and meaning, in {@link #DESCRIPTORS} (in
 * component order); {@link #builder()} starts from those defaults.
 */
public record SmmuParameters(
        int sidSizeBits,
        boolean twoLevelStreamTable,
        boolean twoLevelCdTable,
        int ttEndian,
        boolean pri,
        boolean ats,
        boolean sev,
        boolean msi,
        boolean coherentAccess,
        boolean stage1,
        boolean stage2,
        int stallModel,
        boolean hyp,
        boolean asid16,
        boolean vmid16,
        int oasBits,
        boolean granule4k,
        boolean granule64k,
        int eventQueueLog2Max,
        int commandQueueLog2Max,
        boolean gbpaResetAbort,
        long cr0AckLatencyNs,
        long gbpaUpdateLatencyNs,
        long commandLatencyNs,
        long tlbHitLatencyNs,
        long tableFetchLatencyNs,
        int tlbEntries,
        boolean mergeBadStreamIdEvents) {

    private static <T> ModelParameter<T> p(String name, Class<T> type, T def, String description) {
        return ModelParameter.of(name, type, def, description);
    }

    /** Every parameter, in component order: the single declaration of names, defaults and meanings. */
    public static final List<ModelParameter<?>> DESCRIPTORS = List.of(
        p("sidSizeBits", Integer.class, 16, "IDR1.SIDSIZE: StreamID width in bits, 0..32"),
        p("twoLevelStreamTable", Boolean.class, true, "IDR0.ST_LEVEL = 0b01: 2-level stream tables supported"),
        p("twoLevelCdTable", Boolean.class, true, "IDR0.CD2L: 2-level CD tables supported"),
        p("ttEndian", Integer.class, 0, "IDR0.TTENDIAN: 0 mixed, 2 little, 3 big"),
        p("pri", Boolean.class, false, "IDR0.PRI: Page Request Interface (PRI is not modelled)"),
        p("ats", Boolean.class, true, "IDR0.ATS: PCIe ATS (advertised only, ATS requests are not modelled)"),
        p("sev", Boolean.class, true, "IDR0.SEV: WFE wake-up on CMDQ updates"),
        p("msi", Boolean.class, true, "IDR0.MSI: MSI generation (only CMD_SYNC completion writes are modelled)"),
        p("coherentAccess", Boolean.class, true, "IDR0.COHACC: coherent table and queue access"),
        p("stage1", Boolean.class, true, "IDR0.S1P: stage 1 translation"),
        p("stage2", Boolean.class, true, "IDR0.S2P: stage 2 translation (advertised only, stage-2 STEs are not modelled)"),
        p("stallModel", Integer.class, 0, "IDR0.STALL_MODEL: 0 stall+terminate, 1 terminate only, 2 stall forced"
                + " (stalling is not modelled: every fault terminates)"),
        p("hyp", Boolean.class, true, "IDR0.HYP: EL2 StreamWorld, enables CMD_TLBI_EL2_*"),
        p("asid16", Boolean.class, true, "IDR0.ASID16: 16-bit ASIDs"),
        p("vmid16", Boolean.class, true, "IDR0.VMID16: 16-bit VMIDs"),
        p("oasBits", Integer.class, 44, "IDR5.OAS as a bit count: 32, 36, 40, 42, 44, 48 or 52"),
        p("granule4k", Boolean.class, true, "IDR5.GRAN4K: 4 KiB translation granule"),
        p("granule64k", Boolean.class, true, "IDR5.GRAN64K: 64 KiB translation granule"),
        p("eventQueueLog2Max", Integer.class, 15, "IDR1.EVENTQS: log2 of the largest event queue, 0..19"),
        p("commandQueueLog2Max", Integer.class, 16, "IDR1.CMDQS: log2 of the largest command queue, 0..19"),
        p("gbpaResetAbort", Boolean.class, false, "reset value of GBPA.ABORT, IMPLEMENTATION DEFINED (§6.3.14);"
                + " false is QEMU's 0x1000: bypass while disabled"),
        p("cr0AckLatencyNs", Long.class, 1000L, "ns from a CR0 (or IRQ_CTRL) write to the matching CR0ACK (IRQ_CTRLACK) update"),
        p("gbpaUpdateLatencyNs", Long.class, 1000L, "ns from a GBPA write with Update=1 to Update reading 0"),
        p("commandLatencyNs", Long.class, 200L, "ns the SMMU takes to consume one command"),
        p("tlbHitLatencyNs", Long.class, 5L, "ns added to a transaction that hits the TLB or needs no walk"),
        p("tableFetchLatencyNs", Long.class, 100L, "ns per structure or descriptor read from memory"),
        p("tlbEntries", Integer.class, 4096, "TLB capacity in 4 KiB translations; full -> flushed whole"),
        p("mergeBadStreamIdEvents", Boolean.class, false, "merge a C_BAD_STREAMID identical to the newest unconsumed"
                + " record (§7.3.1 permits it; QEMU and gem5 never merge)"));

    public SmmuParameters {
        if (sidSizeBits < 0 || sidSizeBits > 32) {
            throw new IllegalArgumentException("sidSizeBits must be 0..32, got " + sidSizeBits);
        }
        oasEncoding(oasBits); // validates
        if (eventQueueLog2Max < 0 || eventQueueLog2Max > 19 || commandQueueLog2Max < 0 || commandQueueLog2Max > 19) {
            throw new IllegalArgumentException("EVENTQS/CMDQS must be 0..19");
        }
        if (ttEndian == 1 || ttEndian < 0 || ttEndian > 3) {
            throw new IllegalArgumentException("ttEndian must be 0 (mixed), 2 (LE) or 3 (BE)");
        }
        if (stallModel < 0 || stallModel > 2) {
            throw new IllegalArgumentException("stallModel must be 0, 1 or 2");
        }
        if (!granule4k && !granule64k) {
            throw new IllegalArgumentException("at least one of the 4K and 64K granules is needed");
        }
        if (cr0AckLatencyNs < 0 || gbpaUpdateLatencyNs < 0 || commandLatencyNs < 0
                || tlbHitLatencyNs < 0 || tableFetchLatencyNs < 0) {
            throw new IllegalArgumentException("latencies must be >= 0 ns");
        }
        if (tlbEntries < 1) {
            throw new IllegalArgumentException("tlbEntries must be >= 1");
        }
    }

    /** The 2018 report's SMMU: features 0x00001fef, OAS 44-bit, SIDSIZE 16, GBPA resets to bypass. */
    public static SmmuParameters defaults() {
        return builder().build();
    }

    /** A builder from {@link #DESCRIPTORS}' defaults. */
    public static ParameterBuilder<SmmuParameters> builder() {
        return ParameterBuilder.defaults(SmmuParameters.class, DESCRIPTORS);
    }

    /** A builder that starts from this record's values. */
    public ParameterBuilder<SmmuParameters> toBuilder() {
        return ParameterBuilder.from(this, DESCRIPTORS);
    }

    public SmmuParameters withGbpaResetAbort(boolean abort) {
        return toBuilder().set("gbpaResetAbort", abort).build();
    }

    /** With IDR0.COHACC as given: whether the SMMU's table and queue accesses are coherent. */
    public SmmuParameters withCoherentAccess(boolean coherent) {
        return toBuilder().set("coherentAccess", coherent).build();
    }

    public SmmuParameters withMergeBadStreamIdEvents(boolean merge) {
        return toBuilder().set("mergeBadStreamIdEvents", merge).build();
    }

    public SmmuParameters withSidSizeBits(int bits) {
        return toBuilder().set("sidSizeBits", bits).build();
    }

    public SmmuParameters withLatencies(long cr0AckNs, long gbpaUpdateNs, long commandNs) {
        return toBuilder().set("cr0AckLatencyNs", cr0AckNs).set("gbpaUpdateLatencyNs", gbpaUpdateNs)
                .set("commandLatencyNs", commandNs).build();
    }

    /** SMMU_IDR0 as this SMMU reports it (IHI0070 §6.3.1). */
    public int idr0() {
        int v = 0;
        v |= stage2 ? 1 : 0;                         // S2P[0]
        v |= stage1 ? 1 << 1 : 0;                    // S1P[1]
        v |= 2 << 2;                                 // TTF[3:2] = AArch64 only
        v |= coherentAccess ? 1 << 4 : 0;            // COHACC[4]
        v |= hyp ? 1 << 9 : 0;                       // HYP[9]
        v |= ats ? 1 << 10 : 0;                      // ATS[10]
        v |= asid16 ? 1 << 12 : 0;                   // ASID16[12]
        v |= msi ? 1 << 13 : 0;                      // MSI[13]
        v |= sev ? 1 << 14 : 0;                      // SEV[14]
        v |= pri ? 1 << 16 : 0;                      // PRI[16]
        v |= vmid16 ? 1 << 18 : 0;                   // VMID16[18]
        v |= twoLevelCdTable ? 1 << 19 : 0;          // CD2L[19]
        v |= ttEndian << 21;                         // TTENDIAN[22:21]
        v |= stallModel << 24;                       // STALL_MODEL[25:24]
        v |= twoLevelStreamTable ? 1 << 27 : 0;      // ST_LEVEL[28:27]
        return v;
    }

    /** SMMU_IDR1 (IHI0070 §6.3.2): SIDSIZE[5:0], SSIDSIZE[10:6]=0, PRIQS[15:11], EVENTQS[20:16], CMDQS[25:21]. */
    public int idr1() {
        return sidSizeBits | (eventQueueLog2Max << 16) | (commandQueueLog2Max << 21);
    }

    /** SMMU_IDR5 (IHI0070 §6.3.6): OAS[2:0], GRAN4K[4], GRAN64K[6]. */
    public int idr5() {
        return oasEncoding(oasBits) | (granule4k ? 1 << 4 : 0) | (granule64k ? 1 << 6 : 0);
    }

    /** IDR5.OAS encoding of a bit count. */
    static int oasEncoding(int bits) {
        switch (bits) {
            case 32: return 0;
            case 36: return 1;
            case 40: return 2;
            case 42: return 3;
            case 44: return 4;
            case 48: return 5;
            case 52: return 6;
            default: throw new IllegalArgumentException("oasBits must be 32, 36, 40, 42, 44, 48 or 52, got " + bits);
        }
    }

    /** Bit count of an IDR5.OAS / CD.IPS encoding (reserved encodings read as 48, §5.4 IPS). */
    static int oasBitsOf(int encoding) {
        switch (encoding) {
            case 0: return 32;
            case 1: return 36;
            case 2: return 40;
            case 3: return 42;
            case 4: return 44;
            case 6: return 52;
            default: return 48;
        }
    }
}
