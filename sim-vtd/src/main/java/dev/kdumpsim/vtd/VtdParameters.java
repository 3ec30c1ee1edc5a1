package dev.kdumpsim.vtd;

import dev.kdumpsim.core.param.ModelParameter;
import dev.kdumpsim.core.param.ParameterBuilder;
import java.util.List;

/**
 * Build-time parameters of one DMAR unit: what its CAP_REG/ECAP_REG advertise (10.4.2, 10.4.3) and
 * how long its handshakes and walks take. Each parameter is declared once, as a {@link ModelParameter}
 * in {@link #DESCRIPTORS} (name, default, one-line description); the record components follow the
 * same order and {@link Builder} starts from the declared defaults.
 *
 * <p>The defaults describe a server-class legacy-mode unit: 48-bit MGAW, 3- and 4-level tables,
 * 2M/1G superpages, 8 fault recording registers at 0x400 and the IOTLB registers at 0x500 (the
 * offsets Intel client parts report: CAP.FRO=0x40, ECAP.IRO=0x50), queued invalidation, interrupt
 * remapping with x2APIC, pass-through; scalable mode off.
 */
public record VtdParameters(
        int versionMajor,
        int versionMinor,
        int domainIdBits,
        int mgawBits,
        boolean agaw39Bits,
        boolean agaw48Bits,
        boolean superpage2M,
        boolean superpage1G,
        int faultRecordCount,
        int faultRecordingOffsetBytes,
        int iotlbRegisterOffsetBytes,
        boolean pageSelectiveInvalidation,
        int maxAddressMaskValue,
        boolean enhancedSetRootTablePointer,
        boolean enhancedSetIrTablePointer,
        boolean coherent,
        boolean queuedInvalidation,
        boolean interruptRemapping,
        boolean extendedInterruptMode,
        boolean passThrough,
        int maxHandleMaskValue,
        boolean scalableMode,
        boolean collapseFaultsPerSource,
        long commandLatencyNs,
        long invalidationLatencyNs,
        long iotlbHitLatencyNs,
        long tableFetchLatencyNs,
        int iotlbEntries) {

    private static <T> ModelParameter<T> p(String name, Class<T> type, T def, String description) {
        return ModelParameter.of(name, type, def, description);
    }

    /** Every parameter, in component order: the single declaration of names, defaults and meanings. */
    public static final List<ModelParameter<?>> DESCRIPTORS = List.of(
        p("versionMajor", Integer.class, 1, "VER_REG.MAX: architecture major version (0..15)"),
        p("versionMinor", Integer.class, 0, "VER_REG.MIN: architecture minor version (0..15)"),
        p("domainIdBits", Integer.class, 16, "CAP.ND: domain-id width in bits, 4..16 and even"),
        p("mgawBits", Integer.class, 48, "CAP.MGAW+1: maximum guest address width; also the host address width"),
        p("agaw39Bits", Boolean.class, true, "CAP.SAGAW bit 1: 39-bit AGAW with 3-level second-level tables"),
        p("agaw48Bits", Boolean.class, true, "CAP.SAGAW bit 2: 48-bit AGAW with 4-level second-level tables"),
        p("superpage2M", Boolean.class, true, "CAP.SLLPS bit 0: 2 MiB second-level pages"),
        p("superpage1G", Boolean.class, true, "CAP.SLLPS bit 1: 1 GiB second-level pages"),
        p("faultRecordCount", Integer.class, 8, "CAP.NFR+1: number of fault recording registers, 1..256"),
        p("faultRecordingOffsetBytes", Integer.class, 0x400, "CAP.FRO*16: register offset of FRCD 0"),
        p("iotlbRegisterOffsetBytes", Integer.class, 0x500, "ECAP.IRO*16: register offset of IVA_REG"),
        p("pageSelectiveInvalidation", Boolean.class, true, "CAP.PSI: page-selective IOTLB invalidation"),
        p("maxAddressMaskValue", Integer.class, 18, "CAP.MAMV: largest address mask of a page-selective invalidation"),
        p("enhancedSetRootTablePointer", Boolean.class, false,
                "CAP.ESRTPS: SRTP also invalidates the context cache, PASID cache and IOTLB"),
        p("enhancedSetIrTablePointer", Boolean.class, false, "CAP.ESIRTPS: SIRTP also invalidates the interrupt entry cache"),
        p("coherent", Boolean.class, true, "ECAP.C: table walks snoop processor caches"),
        p("queuedInvalidation", Boolean.class, true, "ECAP.QI: invalidation queue"),
        p("interruptRemapping", Boolean.class, true, "ECAP.IR: interrupt remapping (needs queuedInvalidation)"),
        p("extendedInterruptMode", Boolean.class, true, "ECAP.EIM: x2APIC mode, 32-bit IRTE destination IDs"),
        p("passThrough", Boolean.class, true, "ECAP.PT: pass-through context (TT=10b) and PASID (PGTT=100b) entries"),
        p("maxHandleMaskValue", Integer.class, 15, "ECAP.MHMV: largest index mask of an interrupt entry cache invalidation"),
        p("scalableMode", Boolean.class, false, "ECAP.SMTS and ECAP.SLTS: scalable-mode tables with second-level translation"),
        p("collapseFaultsPerSource", Boolean.class, false,
                "do not record a fault while an FRCD with F=1 holds the same source-id (the spec permits it)"),
        p("commandLatencyNs", Long.class, 1000L, "ns from a GCMD_REG write to the matching GSTS_REG change"),
        p("invalidationLatencyNs", Long.class, 200L, "ns per invalidation descriptor or register-based invalidation"),
        p("iotlbHitLatencyNs", Long.class, 5L, "ns added to every remapped DMA request"),
        p("tableFetchLatencyNs", Long.class, 100L, "ns per root/context/PASID/paging entry read from memory"),
        p("iotlbEntries", Integer.class, 4096, "IOTLB capacity in 4 KiB translations; full -> flushed whole"));

    public VtdParameters {
        if (versionMajor < 0 || versionMajor > 15 || versionMinor < 0 || versionMinor > 15) {
            throw new IllegalArgumentException("versionMajor/versionMinor must be 0..15");
        }
        if (domainIdBits < 4 || domainIdBits > 16 || (domainIdBits & 1) != 0) {
            throw new IllegalArgumentException("domainIdBits must be 4, 6, ..., 16, got " + domainIdBits);
        }
        if (mgawBits < 30 || mgawBits > 52) {
            throw new IllegalArgumentException("mgawBits must be 30..52, got " + mgawBits);
        }
        if (!agaw39Bits && !agaw48Bits) {
            throw new IllegalArgumentException("at least one of agaw39Bits and agaw48Bits is needed");
        }
        if (faultRecordCount < 1 || faultRecordCount > 256) {
            throw new IllegalArgumentException("faultRecordCount must be 1..256, got " + faultRecordCount);
        }
        checkOffset("faultRecordingOffsetBytes", faultRecordingOffsetBytes);
        checkOffset("iotlbRegisterOffsetBytes", iotlbRegisterOffsetBytes);
        int frcdEnd = faultRecordingOffsetBytes + 16 * faultRecordCount;
        if (iotlbRegisterOffsetBytes < frcdEnd && faultRecordingOffsetBytes < iotlbRegisterOffsetBytes + 16) {
            throw new IllegalArgumentException("fault recording and IOTLB registers overlap");
        }
        if (maxAddressMaskValue < 0 || maxAddressMaskValue > 63 || maxHandleMaskValue < 0 || maxHandleMaskValue > 15) {
            throw new IllegalArgumentException("maxAddressMaskValue must be 0..63 and maxHandleMaskValue 0..15");
        }
        if ((interruptRemapping || scalableMode) && !queuedInvalidation) {
            throw new IllegalArgumentException("interruptRemapping and scalableMode need queuedInvalidation");
        }
        if (extendedInterruptMode && !interruptRemapping) {
            throw new IllegalArgumentException("extendedInterruptMode needs interruptRemapping");
        }
        if (commandLatencyNs < 0 || invalidationLatencyNs < 0 || iotlbHitLatencyNs < 0 || tableFetchLatencyNs < 0) {
            throw new IllegalArgumentException("latencies must be >= 0 ns");
        }
        if (iotlbEntries < 1) {
            throw new IllegalArgumentException("iotlbEntries must be >= 1");
        }
    }

    private static void checkOffset(String name, int offset) {
        // the architectural registers end below 0x100 (10.4); FRO and IRO are 10-bit counts of 16 bytes
        if (offset < 0x100 || offset > 0x3ff0 || (offset & 15) != 0) {
            throw new IllegalArgumentException(name + " must be a multiple of 16 in 0x100..0x3ff0");
        }
    }

    public static VtdParameters defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder(ParameterBuilder.defaults(VtdParameters.class, DESCRIPTORS));
    }

    /** A builder that starts from this record's values. */
    public Builder toBuilder() {
        return new Builder(ParameterBuilder.from(this, DESCRIPTORS));
    }

    /** CAP_REG as this unit reports it (10.4.2). */
    public long capReg() {
        long v = (domainIdBits - 4) / 2;                        // ND[2:0]
        v |= agaw39Bits ? 1L << 9 : 0;                          // SAGAW[12:8] bit 1
        v |= agaw48Bits ? 1L << 10 : 0;                         // SAGAW bit 2
        v |= (long) (mgawBits - 1) << 16;                       // MGAW[21:16]
        v |= (long) (faultRecordingOffsetBytes / 16) << 24;     // FRO[33:24]
        v |= superpage2M ? 1L << 34 : 0;                        // SLLPS[37:34] bit 0
        v |= superpage1G ? 1L << 35 : 0;                        // SLLPS bit 1
        v |= pageSelectiveInvalidation ? 1L << 39 : 0;          // PSI[39]
        v |= (long) (faultRecordCount - 1) << 40;               // NFR[47:40]
        v |= (long) maxAddressMaskValue << 48;                  // MAMV[53:48]
        v |= enhancedSetIrTablePointer ? 1L << 62 : 0;          // ESIRTPS[62]
        v |= enhancedSetRootTablePointer ? 1L << 63 : 0;        // ESRTPS[63]
        return v;
    }

    /** ECAP_REG as this unit reports it (10.4.3). */
    public long ecapReg() {
        long v = coherent ? 1L : 0;                             // C[0]
        v |= queuedInvalidation ? 1L << 1 : 0;                  // QI[1]
        v |= interruptRemapping ? 1L << 3 : 0;                  // IR[3]
        v |= extendedInterruptMode ? 1L << 4 : 0;               // EIM[4]
        v |= passThrough ? 1L << 6 : 0;                         // PT[6]
        v |= (long) (iotlbRegisterOffsetBytes / 16) << 8;       // IRO[17:8]
        v |= (long) maxHandleMaskValue << 20;                   // MHMV[23:20]
        v |= scalableMode ? 1L << 43 : 0;                       // SMTS[43]
        v |= scalableMode ? 1L << 46 : 0;                       // SLTS[46]
        return v;
    }

    /** VER_REG (10.4.1): MAX[7:4], MIN[3:0]. */
    public int verReg() {
        return (versionMajor << 4) | versionMinor;
    }

    /** Whether 2^(bits) AGAW (39 or 48) is in SAGAW. */
    boolean supportsAgaw(int bits) {
        return bits == 39 ? agaw39Bits : bits == 48 && agaw48Bits;
    }

    /** {@link ParameterBuilder} with typed setters for the parameters tests and loaders set most. */
    public static final class Builder extends ParameterBuilder<VtdParameters> {

        private Builder(ParameterBuilder<VtdParameters> start) {
            super(start);
        }

        private Builder with(String name, Object value) {
            set(name, value);
            return this;
        }

        public Builder mgawBits(int v) { return with("mgawBits", v); }
        public Builder agaw48Bits(boolean v) { return with("agaw48Bits", v); }
        public Builder agaw39Bits(boolean v) { return with("agaw39Bits", v); }
        public Builder superpage2M(boolean v) { return with("superpage2M", v); }
        public Builder superpage1G(boolean v) { return with("superpage1G", v); }
        public Builder faultRecordCount(int v) { return with("faultRecordCount", v); }
        public Builder enhancedSetRootTablePointer(boolean v) { return with("enhancedSetRootTablePointer", v); }
        public Builder enhancedSetIrTablePointer(boolean v) { return with("enhancedSetIrTablePointer", v); }
        public Builder passThrough(boolean v) { return with("passThrough", v); }
        public Builder extendedInterruptMode(boolean v) { return with("extendedInterruptMode", v); }
        public Builder scalableMode(boolean v) { return with("scalableMode", v); }
        public Builder collapseFaultsPerSource(boolean v) { return with("collapseFaultsPerSource", v); }
        public Builder commandLatencyNs(long v) { return with("commandLatencyNs", v); }
        public Builder invalidationLatencyNs(long v) { return with("invalidationLatencyNs", v); }
        public Builder iotlbEntries(int v) { return with("iotlbEntries", v); }
    }
}
