package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * The Non-secure event queue as the SMMU (producer) sees it: SMMU_EVENTQ_BASE, EVENTQ_PROD (page
 * 1), EVENTQ_CONS (page 1). IHI0070 §7.2 and §7.4:
 * <ul>
 * <li>Entries are 32 bytes at ADDR + index * 32; PROD/CONS hold an index of LOG2SIZE bits and a
 *     wrap bit above it (LOG2SIZE = MIN(EVENTQ_BASE.LOG2SIZE, IDR1.EVENTQS)). Empty: equal index and
 *     wrap; full: equal index, different wrap.</li>
 * <li>Records are written only while EVENTQEN=1 (as acknowledged in CR0ACK); otherwise they are
 *     discarded without an overflow.</li>
 * <li>A record that finds the queue full is lost; PROD.OVFLG is toggled if no overflow is already
 *     outstanding (OVFLG == CONS.OVACKFLG), so a second overflow before the acknowledgement is
 *     invisible to software but still counted here.</li>
 * <li>The interrupt is asserted only on the empty -> non-empty transition (Linux therefore drains
 *     in a loop and re-reads PROD).</li>
 * <li>Optional merging (§7.3.1): a C_BAD_STREAMID identical to the newest unconsumed record is
 *     dropped as merged.</li>
 * </ul>
 */
final class SmmuEventQueue {

    static final int ENTRY_BYTES = 32;

    private final PhysicalMemory mem;
    private final int agent;
    private final SmmuParameters params;
    private final EventCounters counters;
    long base;
    int prod;
    int cons;
    boolean enabled;

    SmmuEventQueue(PhysicalMemory mem, int agent, SmmuParameters params, EventCounters counters) {
        this.mem = mem;
        this.agent = agent;
        this.params = params;
        this.counters = counters;
    }

    int log2size() {
        return Math.min((int) (base & SmmuRegisters.Q_LOG2SIZE_MASK), params.eventQueueLog2Max());
    }

    /** Index + wrap bits mask. */
    int pointerMask() {
        return (2 << log2size()) - 1;
    }

    long entryAddress(int index) {
        int n = log2size();
        long addr = base & SmmuRegisters.Q_BASE_ADDR_MASK & -Math.max(32L, (long) ENTRY_BYTES << n);
        return addr + (long) ENTRY_BYTES * (index & ((1 << n) - 1));
    }

    boolean isEmpty() {
        int m = pointerMask();
        return (prod & m) == (cons & m);
    }

    boolean isFull() {
        int m = pointerMask();
        int n = log2size();
        return ((prod ^ cons) & m) == (1 << n);
    }

    /** Entries written and not yet consumed: PROD - CONS over index and wrap bits (§7.2). */
    int depth() {
        int n = log2size();
        return ((prod & pointerMask()) - (cons & pointerMask())) & ((2 << n) - 1);
    }

    boolean overflowOutstanding() {
        return ((prod ^ cons) & SmmuRegisters.Q_OVERFLOW_FLAG) != 0;
    }

    /**
     * Delivers one record. Returns {@link #WRITTEN}, {@link #WRITTEN_FIRST} (the queue was empty:
     * assert the interrupt), or a negative fate code.
     */
    int deliver(int id, long dw0, long dw1, long dw2, long dw3) {
        counters.raised[id]++;
        if (!enabled) {
            counters.discardedQueueDisabled[id]++;
            return DISCARDED_DISABLED;
        }
        boolean empty = isEmpty();
        if (params.mergeBadStreamIdEvents() && id == EventId.C_BAD_STREAMID && !empty) {
            long last = entryAddress((prod & pointerMask()) - 1);
            if (mem.readLong(agent, last) == dw0 && mem.readLong(agent, last + 8) == dw1
                    && mem.readLong(agent, last + 16) == dw2 && mem.readLong(agent, last + 24) == dw3) {
                counters.merged[id]++;
                return MERGED;
            }
        }
        if (isFull()) {
            if (!overflowOutstanding()) {
                prod ^= SmmuRegisters.Q_OVERFLOW_FLAG;
                counters.overflowEpisodes++;
            }
            counters.lostOverflow[id]++;
            return LOST_OVERFLOW;
        }
        long a = entryAddress(prod);
        mem.writeLong(agent, a, dw0);
        mem.writeLong(agent, a + 8, dw1);
        mem.writeLong(agent, a + 16, dw2);
        mem.writeLong(agent, a + 24, dw3);
        int m = pointerMask();
        prod = (prod & SmmuRegisters.Q_OVERFLOW_FLAG) | ((prod + 1) & m);
        counters.written[id]++;
        return empty ? WRITTEN_FIRST : WRITTEN;
    }

    static final int WRITTEN = 1;
    static final int WRITTEN_FIRST = 2;
    static final int DISCARDED_DISABLED = -1;
    static final int LOST_OVERFLOW = -2;
    static final int MERGED = -3;

    static String fateName(int fate) {
        switch (fate) {
            case WRITTEN:
            case WRITTEN_FIRST: return "written";
            case DISCARDED_DISABLED: return "queue-disabled";
            case LOST_OVERFLOW: return "overflow";
            default: return "merged";
        }
    }

    /** Software write to EVENTQ_CONS: RD index + wrap, OVACKFLG[31]. */
    void writeCons(int value) {
        cons = value & (SmmuRegisters.Q_OVERFLOW_FLAG | pointerMask());
    }

    /** Software write to EVENTQ_PROD, allowed only while the queue is disabled (§6.3.28). */
    void writeProd(int value) {
        prod = value & (SmmuRegisters.Q_OVERFLOW_FLAG | pointerMask());
    }
}
