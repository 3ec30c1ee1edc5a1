package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * A 64-byte Context Descriptor (IHI0070 §5.4), the fields this model uses:
 * <pre>
 * dw0: T0SZ[5:0]  TG0[7:6]  IR0[9:8]  OR0[11:10]  SH0[13:12]  EPD0[14]  ENDI[15]  T1SZ[21:16]
 *      TG1[23:22]  EPD1[30]  V[31]  IPS[34:32]  AFFD[35]  TBI0[38]  AA64[41]  R[45]  A[46]
 *      ASET[47]  ASID[63:48]
 * dw1: TTB0[55:4]     dw2: TTB1[55:4]     dw3: MAIR0
 * </pre>
 *
 * @param t0sz T0SZ: the TTB0 region covers 2^(64-T0SZ) bytes
 * @param tg0 TG0: 0 = 4 KiB, 1 = 64 KiB, 2 = 16 KiB (not supported by this model)
 * @param sh0 SH0, {@code ir0}/{@code or0} IR0/OR0 (walk attributes, recorded only)
 * @param epd0 EPD0: TTB0 walks disabled (-> F_TRANSLATION)
 * @param epd1 EPD1: TTB1 walks disabled; this model always treats TTB1 as disabled
 * @param valid V
 * @param ips IPS: intermediate (here: output) address size encoding, as IDR5.OAS
 * @param affd AFFD: Access flag fault disable
 * @param aa64 AA64: VMSAv8-64 tables (this model supports only these)
 * @param asid ASID
 * @param ttb0 TTB0: PA of the first-level table
 * @param mair0 MAIR0 (recorded only)
 */
public record ContextDescriptor(int t0sz, int tg0, int ir0, int or0, int sh0, boolean epd0, boolean epd1,
        boolean valid, int ips, boolean affd, boolean aa64, int asid, long ttb0, long mair0) {

    public static final int SIZE_BYTES = 64;
    public static final int TG0_4K = 0;
    public static final int TG0_64K = 1;
    public static final int TG0_16K = 2;
    static final long TTB_MASK = ((1L << 56) - 1) & ~0xfL;

    /** A valid AArch64 CD as Linux's {@code arm_smmu_write_ctx_desc} builds for a DMA domain (EPD1, R, A, ASET). */
    public static ContextDescriptor linuxDmaDomain(int asid, long ttb0, int inputBits, TranslationGranule granule,
            int ipsEncoding) {
        return new ContextDescriptor(64 - inputBits, granule.tg0(), 1, 1, 3, false, true, true, ipsEncoding,
                false, true, asid, ttb0, 0x0000_0000_0004_ff44L);
    }

    public long[] encode() {
        long[] d = new long[8];
        d[0] = (t0sz & 0x3fL) | ((tg0 & 3L) << 6) | ((ir0 & 3L) << 8) | ((or0 & 3L) << 10) | ((sh0 & 3L) << 12)
                | (epd0 ? 1L << 14 : 0) | (epd1 ? 1L << 30 : 0) | (valid ? 1L << 31 : 0) | ((ips & 7L) << 32)
                | (affd ? 1L << 35 : 0) | (aa64 ? 1L << 41 : 0) | (1L << 45) | (1L << 46) | (1L << 47)
                | ((asid & 0xffffL) << 48);
        d[1] = ttb0 & TTB_MASK;
        d[3] = mair0;
        return d;
    }

    public static ContextDescriptor decode(long[] d) {
        long w = d[0];
        return new ContextDescriptor(t0sz(w), tg0(w), (int) ((w >>> 8) & 3), (int) ((w >>> 10) & 3),
                (int) ((w >>> 12) & 3), epd0(w), (w & (1L << 30)) != 0, valid(w), ips(w), affd(w), aa64(w),
                asid(w), ttb0(d[1]), d[3]);
    }

    /** Writes all 8 dwords, dw0 (with V) last. */
    public void writeTo(PhysicalMemory mem, int agent, long address) {
        long[] d = encode();
        for (int i = 7; i >= 0; i--) {
            mem.writeLong(agent, address + 8L * i, d[i]);
        }
    }

    public static ContextDescriptor readFrom(PhysicalMemory mem, int agent, long address) {
        long[] d = new long[8];
        for (int i = 0; i < 8; i++) {
            d[i] = mem.readLong(agent, address + 8L * i);
        }
        return decode(d);
    }

    static int t0sz(long w) {
        return (int) (w & 0x3f);
    }

    static int tg0(long w) {
        return (int) ((w >>> 6) & 3);
    }

    static boolean epd0(long w) {
        return (w & (1L << 14)) != 0;
    }

    static boolean valid(long w) {
        return (w & (1L << 31)) != 0;
    }

    static int ips(long w) {
        return (int) ((w >>> 32) & 7);
    }

    static boolean affd(long w) {
        return (w & (1L << 35)) != 0;
    }

    static boolean aa64(long w) {
        return (w & (1L << 41)) != 0;
    }

    static int asid(long w) {
        return (int) (w >>> 48);
    }

    static long ttb0(long w1) {
        return w1 & TTB_MASK;
    }
}
