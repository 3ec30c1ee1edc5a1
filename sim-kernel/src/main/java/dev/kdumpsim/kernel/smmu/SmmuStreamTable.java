package dev.kdumpsim.kernel.smmu;

import static dev.kdumpsim.smmuv3.SmmuRegisters.STRTAB_BASE;
import static dev.kdumpsim.smmuv3.SmmuRegisters.STRTAB_BASE_ADDR_MASK;
import static dev.kdumpsim.smmuv3.SmmuRegisters.STRTAB_BASE_CFG;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.smmuv3.ContextDescriptor;
import dev.kdumpsim.smmuv3.L1StreamTableDescriptor;
import dev.kdumpsim.smmuv3.SmmuV3;
import dev.kdumpsim.smmuv3.StreamTableEntry;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The 2-level stream table as the driver keeps it ({@code arm_smmu_init_strtab_2lvl},
 * {@code arm_smmu_init_l2_strtab}, {@code arm_smmu_write_strtab_ent}): an L1 table of
 * descriptors, L2 tables of {@code 2^STRTAB_SPLIT} STEs allocated lazily per StreamID group. It
 * is either this kernel's own table or, in a kdump kernel that keeps the SMMU enabled, the
 * crashed kernel's live table read back from STRTAB_BASE(_CFG).
 */
final class SmmuStreamTable {

    static final int STRTAB_SPLIT = 8;
    /** {@code STRTAB_L1_SZ_SHIFT} = 20: the L1 table is at most 1 MiB (2^17 descriptors). */
    static final int STRTAB_L1_SZ_SHIFT = 20;
    static final int STE_BYTES = 64;

    private final KernelContext k;
    private long l1Base;
    private int l1Log2;
    private boolean adopted;
    private final TreeMap<Integer, Long> l2Tables = new TreeMap<>();

    SmmuStreamTable(KernelContext k) {
        this.k = k;
    }

    /** A new, empty table for {@code sidBits} StreamID bits: every L1 descriptor invalid (Span 0). */
    void allocate(int sidBits) {
        l1Log2 = Math.min(sidBits - STRTAB_SPLIT, STRTAB_L1_SZ_SHIFT - 3);
        long l1Bytes = 8L << Math.max(0, l1Log2);
        l1Base = k.pages().allocate(l1Bytes, Math.max(64, l1Bytes));
        for (long a = 0; a < l1Bytes; a += 8) {
            k.memory().writeLong(k.cpuAgent(), l1Base + a, L1StreamTableDescriptor.INVALID.encode());
        }
    }

    long l1Base() {
        return l1Base;
    }

    /** log2 of the L1 descriptors. */
    int l1Log2() {
        return l1Log2;
    }

    boolean adopted() {
        return adopted;
    }

    /**
     * The crashed kernel's stream table stays in use: its base and size from STRTAB_BASE(_CFG)
     * (LOG2SIZE[5:0] minus SPLIT[10:6] = log2 of the L1 descriptors).
     */
    void useLive(SmmuV3 smmu) {
        int cfg = smmu.readl(STRTAB_BASE_CFG);
        l1Base = smmu.readq(STRTAB_BASE) & STRTAB_BASE_ADDR_MASK;
        l1Log2 = (cfg & 0x3f) - ((cfg >>> 6) & 0x1f);
        adopted = true;
    }

    /** Records the L2 table of every valid L1 descriptor, as the table's memory holds them now. */
    void readL2Tables() {
        for (int g = 0; g < (1 << l1Log2); g++) {
            L1StreamTableDescriptor l1 = L1StreamTableDescriptor.decode(k.memory().readLong(k.cpuAgent(), l1Base + 8L * g));
            if (l1.span() != 0) {
                l2Tables.put(g, l1.l2Ptr());
            }
        }
    }

    /** StreamIDs whose STE in the table is valid and not abort (the crashed kernel had them attached). */
    TreeSet<Integer> liveStreams() {
        TreeSet<Integer> live = new TreeSet<>();
        for (var e : l2Tables.entrySet()) {
            for (int i = 0; i < (1 << STRTAB_SPLIT); i++) {
                StreamTableEntry ste = StreamTableEntry.readFrom(k.memory(), k.cpuAgent(), e.getValue() + (long) STE_BYTES * i);
                if (ste.valid() && ste.config() != StreamTableEntry.CONFIG_ABORT) {
                    live.add((e.getKey() << STRTAB_SPLIT) | i);
                }
            }
        }
        return live;
    }

    /**
     * The ASIDs of the context descriptors the live stage-1 STEs point at (linear CD tables: the
     * first CD, SubstreamID 0, the one Linux's DMA domains use).
     */
    TreeSet<Integer> liveAsids() {
        TreeSet<Integer> asids = new TreeSet<>();
        for (var e : l2Tables.entrySet()) {
            for (int i = 0; i < (1 << STRTAB_SPLIT); i++) {
                StreamTableEntry ste = StreamTableEntry.readFrom(k.memory(), k.cpuAgent(), e.getValue() + (long) STE_BYTES * i);
                if (ste.valid() && (ste.config() == StreamTableEntry.CONFIG_S1_TRANS || ste.config() == StreamTableEntry.CONFIG_NESTED)) {
                    ContextDescriptor cd = ContextDescriptor.readFrom(k.memory(), k.cpuAgent(), ste.s1ContextPtr());
                    if (cd.valid()) {
                        asids.add(cd.asid());
                    }
                }
            }
        }
        return asids;
    }

    /** Every STE of every L2 table becomes invalid (in memory; the SMMU sees it after CFGI). */
    void invalidateAll() {
        for (long l2 : l2Tables.values()) {
            for (int i = 0; i < (1 << STRTAB_SPLIT); i++) {
                StreamTableEntry.INVALID.writeTo(k.memory(), k.cpuAgent(), l2 + (long) STE_BYTES * i);
            }
        }
    }

    /**
     * {@code arm_smmu_init_l2_strtab}: the L2 table of the StreamID's group, every STE
     * {@code fill}; the L1 descriptor last. An existing L2 table is kept.
     */
    void ensureL2(int sid, StreamTableEntry fill) {
        int group = sid >>> STRTAB_SPLIT;
        if (l2Tables.containsKey(group)) {
            return;
        }
        long size = (long) STE_BYTES << STRTAB_SPLIT;
        long l2 = k.pages().allocate(size, size);
        for (int i = 0; i < (1 << STRTAB_SPLIT); i++) {
            fill.writeTo(k.memory(), k.cpuAgent(), l2 + (long) STE_BYTES * i);
        }
        new L1StreamTableDescriptor(STRTAB_SPLIT + 1, l2).writeTo(k.memory(), k.cpuAgent(), l1Base + 8L * group);
        l2Tables.put(group, l2);
    }

    /** Writes the STE of {@code sid} (its L2 table must exist). */
    void writeSte(int sid, StreamTableEntry ste) {
        long l2 = l2Tables.get(sid >>> STRTAB_SPLIT);
        ste.writeTo(k.memory(), k.cpuAgent(), l2 + (long) STE_BYTES * (sid & ((1 << STRTAB_SPLIT) - 1)));
    }
}
