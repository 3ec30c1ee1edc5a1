package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * Walks second-level paging structures in memory (VT-d 3.6, formats 9.8): 3 levels for a 39-bit
 * AGAW, 4 for 48-bit, 9 bits per level, 4 KiB leaves or 2 MiB / 1 GiB superpages where CAP.SLLPS
 * allows. Rights are the AND of R and W over every level; a request lacking its right at any level
 * (a not-present entry has neither) faults with 5h/6h (legacy) or SGN.6/SGN.7 85h/86h (scalable
 * mode); a present entry with reserved bits faults with Ch (legacy) or SSL.3 7Ah. The permission
 * check comes first, as in QEMU's {@code vtd_iova_to_slpte}.
 */
final class SecondLevelWalker {

    private final PhysicalMemory mem;
    private final int agent;
    private final VtdParameters params;
    private final int haw;
    int reads;
    /** PA of the 4 KiB page holding the input address. */
    long outPage;
    boolean outRead;
    boolean outWrite;

    SecondLevelWalker(PhysicalMemory mem, int agent, VtdParameters params) {
        this.mem = mem;
        this.agent = agent;
        this.params = params;
        this.haw = params.mgawBits();
    }

    /** Returns 0 (outPage/outRead/outWrite set) or a {@link FaultReason} code. */
    int walk(long table, int agawBits, long iova, boolean write, boolean scalable) {
        reads = 0;
        long t = table;
        boolean r = true;
        boolean w = true;
        for (int level = (agawBits - 30) / 9 + 2; ; level--) { // AW + 2 levels
            int shift = 12 + 9 * (level - 1);
            long e = mem.readLong(agent, t + 8 * ((iova >>> shift) & 0x1ff));
            reads++;
            r &= (e & SecondLevelEntry.R) != 0;
            w &= (e & SecondLevelEntry.W) != 0;
            if (write ? !w : !r) {
                if (scalable) {
                    return write ? FaultReason.SM_WRITE_ACCESS_DENIED : FaultReason.SM_READ_ACCESS_DENIED;
                }
                return write ? FaultReason.WRITE_ACCESS_DENIED : FaultReason.READ_ACCESS_DENIED;
            }
            boolean large = (e & SecondLevelEntry.PS) != 0 && (level == 2 || level == 3);
            boolean psReserved = large && !(level == 2 ? params.superpage2M() : params.superpage1G());
            if (psReserved || (e & SecondLevelEntry.reservedMask(level, large, haw)) != 0) {
                return scalable ? FaultReason.SM_SL_ENTRY_RESERVED : FaultReason.PAGING_ENTRY_RESERVED;
            }
            if (level == 1 || large) {
                long pageMask = (1L << shift) - 1;
                outPage = (SecondLevelEntry.address(e, haw) & ~pageMask) | (iova & pageMask & ~0xfffL);
                outRead = r;
                outWrite = w;
                return 0;
            }
            t = SecondLevelEntry.address(e, haw);
        }
    }
}
