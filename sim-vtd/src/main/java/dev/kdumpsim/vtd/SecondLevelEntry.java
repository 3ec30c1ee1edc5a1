package dev.kdumpsim.vtd;

/**
 * A 64-bit second-level paging entry (VT-d 3.6, 9.8): SL-PML4E, SL-PDPE, SL-PDE or SL-PTE.
 * <pre>
 * R[0]  W[1]  X[2] (with SLEE)  EMT[5:3]  IPAT[6]  PS[7]  A[8]  D[9]  SNP[11]  ADDR[HAW-1:12]  TM[62]
 * </pre>
 * An entry is present when R or W is set; rights are the AND of every level walked. PS=1 in an
 * SL-PDPE (1 GiB) or SL-PDE (2 MiB) makes it a leaf, if CAP.SLLPS allows. SNP is reserved here (no
 * ECAP.SC), as are the address bits above the host address width and, in a large-page leaf, the
 * address bits below the page size; bit 7 is reserved in an SL-PML4E. Bits 63 and 61:52 are ignored.
 */
public final class SecondLevelEntry {

    private SecondLevelEntry() {
    }

    public static final long R = 1;
    public static final long W = 2;
    public static final long PS = 1L << 7;
    public static final long SNP = 1L << 11;
    public static final long TM = 1L << 62;
    static final long IGNORED = 0xbff0_0000_0000_0000L;

    /** A 4 KiB (level 1) or superpage (PS) leaf mapping {@code pa}. */
    public static long leaf(long pa, boolean read, boolean write) {
        return (pa & ~0xfffL) | (read ? R : 0) | (write ? W : 0);
    }

    public static long superpage(long pa, boolean read, boolean write) {
        return leaf(pa, read, write) | PS;
    }

    /** A non-leaf entry; Linux sets R and W in every table entry (DMA_PTE_READ | DMA_PTE_WRITE). */
    public static long table(long next) {
        return (next & ~0xfffL) | R | W;
    }

    public static boolean isPresent(long e) {
        return (e & (R | W)) != 0;
    }

    /** The address field, with bits at or above {@code hawBits} dropped. */
    public static long address(long e, int hawBits) {
        return e & ~0xfffL & ((1L << hawBits) - 1);
    }

    /** Reserved bits of an entry at {@code level} (4 = SL-PML4E .. 1 = SL-PTE) for a host address width. */
    static long reservedMask(int level, boolean largePage, int hawBits) {
        long aboveHaw = ~((1L << hawBits) - 1) & ~IGNORED & ~TM;
        long m = SNP | aboveHaw | TM; // TM needs ECAP.DT, not advertised
        if (level == 4) {
            m |= PS;
        }
        if (largePage) {
            m |= ((1L << (12 + 9 * (level - 1))) - 1) & ~0xfffL; // address bits below the page size
        }
        return m;
    }
}
