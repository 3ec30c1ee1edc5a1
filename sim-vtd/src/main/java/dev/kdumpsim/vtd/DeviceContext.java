package dev.kdumpsim.vtd;

/**
 * What the root/context (and, in scalable mode, PASID) walk decided for one source-id: a
 * mutable scratch filled by {@link ContextFetcher} and packed into the context cache, so the hot
 * path allocates nothing.
 */
final class DeviceContext {

    boolean passThrough;
    /** SLPTPTR of the context (legacy) or PASID-table (scalable) entry. */
    long secondLevelTable;
    int agawBits;
    int domainId;
    /** Any FPD read on the way (context entry; PASID directory and table entries in scalable mode). */
    boolean faultProcessingDisable;
    boolean scalable;
    /** RID_PASID in scalable mode, else 0. */
    int pasid;

    // the context cache's b word: DID[15:0] AGAW[23:16] PT[24] FPD[25] SM[26] PASID[51:32]
    static final long B_DID_MASK = 0xffffL;
    static final long B_PASID_SHIFT = 32;

    long packB() {
        return (domainId & 0xffffL) | ((long) agawBits << 16) | (passThrough ? 1L << 24 : 0)
                | (faultProcessingDisable ? 1L << 25 : 0) | (scalable ? 1L << 26 : 0)
                | ((pasid & 0xfffffL) << B_PASID_SHIFT);
    }

    void unpack(long a, long b) {
        secondLevelTable = a;
        domainId = (int) (b & 0xffff);
        agawBits = (int) ((b >>> 16) & 0xff);
        passThrough = (b & (1L << 24)) != 0;
        faultProcessingDisable = (b & (1L << 25)) != 0;
        scalable = (b & (1L << 26)) != 0;
        pasid = (int) ((b >>> B_PASID_SHIFT) & 0xfffff);
    }
}
