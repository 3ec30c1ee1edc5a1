package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * A level-1 Stream Table Descriptor of a 2-level stream table (IHI0070 §5.1.1, 8 bytes):
 * Span[4:0], L2Ptr[55:6]. Span 0 means "no level-2 table": every StreamID it covers is invalid
 * and gets C_BAD_STREAMID. Otherwise the level-2 table holds 2^(Span-1) STEs; valid Span values
 * are 1..SPLIT+1.
 *
 * @param span Span
 * @param l2Ptr L2Ptr: PA of the level-2 table (aligned to its size)
 */
public record L1StreamTableDescriptor(int span, long l2Ptr) {

    public static final int SIZE_BYTES = 8;
    static final long L2PTR_MASK = ((1L << 56) - 1) & ~0x3fL;

    public static final L1StreamTableDescriptor INVALID = new L1StreamTableDescriptor(0, 0);

    public long encode() {
        return (span & 0x1fL) | (l2Ptr & L2PTR_MASK);
    }

    public static L1StreamTableDescriptor decode(long d) {
        return new L1StreamTableDescriptor(span(d), l2Ptr(d));
    }

    public void writeTo(PhysicalMemory mem, int agent, long address) {
        mem.writeLong(agent, address, encode());
    }

    static int span(long d) {
        return (int) (d & 0x1f);
    }

    static long l2Ptr(long d) {
        return d & L2PTR_MASK;
    }
}
