package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * A 64-byte Stream Table Entry (IHI0070 §5.2), the fields this model uses, in spec terms:
 * <pre>
 * dw0: V[0]  Config[3:1]  S1Fmt[5:4]  S1ContextPtr[55:6]  S1CDMax[63:59]
 * dw1: S1DSS[1:0]  S1STALLD[27]  EATS[29:28]  STRW[31:30]  SHCFG[45:44]
 * dw2: S2VMID[15:0]
 * </pre>
 * Other fields encode as zero. The static accessors read raw dwords so the SMMU's STE fetch
 * allocates nothing; the record is for software (the Linux driver model) and tests.
 *
 * @param valid V: 0 means every transaction gets C_BAD_STE
 * @param config Config[3:1]: {@link #CONFIG_ABORT}, {@link #CONFIG_BYPASS}, {@link #CONFIG_S1_TRANS},
 *     {@link #CONFIG_S2_TRANS}, {@link #CONFIG_NESTED}; 0b001-0b011 are reserved (abort)
 * @param s1Fmt S1Fmt: 0 linear CD table, 1 2-level with 4K leaves, 2 2-level with 64K leaves
 * @param s1ContextPtr S1ContextPtr: PA of the CD (table), 64-byte aligned
 * @param s1CdMax S1CDMax: log2 of the number of CDs; 0 = one CD, no SubstreamIDs
 * @param s1Dss S1DSS: what a transaction without SubstreamID does when S1CDMax != 0
 * @param shcfg SHCFG: 1 = use incoming shareability (Linux sets it for bypass STEs)
 * @param s2Vmid S2VMID
 */
public record StreamTableEntry(boolean valid, int config, int s1Fmt, long s1ContextPtr, int s1CdMax,
        int s1Dss, int shcfg, int s2Vmid) {

    public static final int SIZE_BYTES = 64;
    public static final int CONFIG_ABORT = 0b000;
    public static final int CONFIG_BYPASS = 0b100;
    public static final int CONFIG_S1_TRANS = 0b101;
    public static final int CONFIG_S2_TRANS = 0b110;
    public static final int CONFIG_NESTED = 0b111;
    public static final int S1DSS_TERMINATE = 0;
    public static final int S1DSS_BYPASS = 1;
    public static final int S1DSS_SUBSTREAM0 = 2;
    static final long CONTEXT_PTR_MASK = ((1L << 56) - 1) & ~0x3fL;

    /** An all-zero STE: V=0. */
    public static final StreamTableEntry INVALID = new StreamTableEntry(false, 0, 0, 0, 0, 0, 0, 0);

    /** Valid STE, Config=abort: transactions aborted silently (Linux's {@code disable_bypass} STE). */
    public static StreamTableEntry abort() {
        return new StreamTableEntry(true, CONFIG_ABORT, 0, 0, 0, 0, 0, 0);
    }

    /** Valid STE, Config=bypass with SHCFG=incoming, as Linux's {@code arm_smmu_init_bypass_stes}. */
    public static StreamTableEntry bypass() {
        return new StreamTableEntry(true, CONFIG_BYPASS, 0, 0, 0, 0, 1, 0);
    }

    /** Valid stage-1 STE with a single CD at {@code cdAddress} (S1CDMax=0), as Linux without PASID. */
    public static StreamTableEntry stage1(long cdAddress) {
        return new StreamTableEntry(true, CONFIG_S1_TRANS, 0, cdAddress, 0, 0, 0, 0);
    }

    public long[] encode() {
        long[] d = new long[8];
        d[0] = (valid ? 1L : 0) | ((config & 7L) << 1) | ((s1Fmt & 3L) << 4) | (s1ContextPtr & CONTEXT_PTR_MASK)
                | ((s1CdMax & 0x1fL) << 59);
        d[1] = (s1Dss & 3L) | ((shcfg & 3L) << 44);
        d[2] = s2Vmid & 0xffffL;
        return d;
    }

    public static StreamTableEntry decode(long[] d) {
        return new StreamTableEntry(valid(d[0]), config(d[0]), s1Fmt(d[0]), s1ContextPtr(d[0]), s1CdMax(d[0]),
                s1Dss(d[1]), (int) ((d[1] >>> 44) & 3), (int) (d[2] & 0xffff));
    }

    /** Writes all 8 dwords at {@code address} (dw0 last, as Linux publishes V last). */
    public void writeTo(PhysicalMemory mem, int agent, long address) {
        long[] d = encode();
        for (int i = 7; i >= 0; i--) {
            mem.writeLong(agent, address + 8L * i, d[i]);
        }
    }

    public static StreamTableEntry readFrom(PhysicalMemory mem, int agent, long address) {
        long[] d = new long[8];
        for (int i = 0; i < 8; i++) {
            d[i] = mem.readLong(agent, address + 8L * i);
        }
        return decode(d);
    }

    static boolean valid(long dw0) {
        return (dw0 & 1) != 0;
    }

    static int config(long dw0) {
        return (int) ((dw0 >>> 1) & 7);
    }

    static int s1Fmt(long dw0) {
        return (int) ((dw0 >>> 4) & 3);
    }

    static long s1ContextPtr(long dw0) {
        return dw0 & CONTEXT_PTR_MASK;
    }

    static int s1CdMax(long dw0) {
        return (int) ((dw0 >>> 59) & 0x1f);
    }

    static int s1Dss(long dw1) {
        return (int) (dw1 & 3);
    }
}
