package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * Stage-1 VMSAv8-64 translation table walk from a CD's TTB0 (Arm ARM D8.2-D8.4 as used by
 * IHI0070 §3.4). Fault priority: F_TRANSLATION (outside TTB0's region, EPD0, invalid or
 * misplaced descriptor), F_ADDR_SIZE (table or output address beyond the effective OAS),
 * F_ACCESS (AF=0 with AFFD=0: no hardware Access flag update is modelled), F_PERMISSION (write to
 * AP[2]=1). AP[1] (EL0 access), XN and attributes are not checked. Allocation-free; the result
 * is left in fields.
 */
final class Stage1Walker {

    private final PhysicalMemory mem;
    private final int agent;
    /** Descriptor reads made by the last walk. */
    int reads;
    /** Output PA of the last successful walk. */
    long outPa;
    boolean outWritable;

    Stage1Walker(PhysicalMemory mem, int agent) {
        this.mem = mem;
        this.agent = agent;
    }

    /** Walks {@code va}; returns 0 (result in {@link #outPa}) or the fault's EventID. */
    int walk(StreamConfig c, long va, boolean write) {
        reads = 0;
        if ((va >>> c.inputBits) != 0 || c.epd0) {
            return EventId.F_TRANSLATION; // TTB1 region: Linux sets EPD1, modelled as always disabled
        }
        TranslationGranule g = c.granule;
        int bits = g.bitsPerLevel();
        long indexMask = (1L << bits) - 1;
        long table = c.ttb0 & -8L;
        for (int level = c.startLevel; level <= 3; level++) {
            long d = mem.readLong(agent, table + 8 * ((va >>> g.levelShift(level)) & indexMask));
            reads++;
            if (!Stage1Descriptor.isValid(d)) {
                return EventId.F_TRANSLATION;
            }
            long address = Stage1Descriptor.address(d, g);
            if (level < 3 && Stage1Descriptor.isTableOrPage(d)) {
                if ((address >>> c.outputBits) != 0) {
                    return EventId.F_ADDR_SIZE;
                }
                table = address;
                continue;
            }
            long blockMask;
            if (level == 3) {
                if (!Stage1Descriptor.isTableOrPage(d)) {
                    return EventId.F_TRANSLATION; // 0b01 at level 3 is reserved: invalid
                }
                blockMask = g.pageSize() - 1;
            } else {
                if (!g.blockAllowed(level)) {
                    return EventId.F_TRANSLATION;
                }
                blockMask = (1L << g.levelShift(level)) - 1;
            }
            long pa = (address & ~blockMask) | (va & blockMask);
            if ((pa >>> c.outputBits) != 0) {
                return EventId.F_ADDR_SIZE;
            }
            if (!Stage1Descriptor.accessFlag(d) && !c.affd) {
                return EventId.F_ACCESS;
            }
            boolean writable = !Stage1Descriptor.readOnly(d);
            if (write && !writable) {
                return EventId.F_PERMISSION;
            }
            outPa = pa;
            outWritable = writable;
            return 0;
        }
        return EventId.F_TRANSLATION;
    }
}
