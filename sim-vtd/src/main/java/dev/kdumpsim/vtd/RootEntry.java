package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * A 128-bit root-table entry, one per PCI bus, at RTADDR + 16*bus (VT-d 3.4.2, 9.1 legacy; 3.4.3,
 * 9.2 scalable mode):
 * <pre>
 * legacy:   lo: P[0]  CTP[63:12]                    hi: reserved
 * scalable: lo: LP[0] LCTP[63:12] (devfn 0-127)     hi: UP[0] UCTP[63:12] (devfn 128-255)
 * bits 11:1 of each half are reserved, as are address bits above the host address width.
 * </pre>
 * The record is for software (the kernel model) and tests; the walker reads raw quadwords.
 *
 * @param present P (legacy) or LP (scalable)
 * @param contextTable CTP / LCTP: PA of the (lower) context table
 * @param upperPresent UP; scalable mode only
 * @param upperContextTable UCTP; scalable mode only
 */
public record RootEntry(boolean present, long contextTable, boolean upperPresent, long upperContextTable) {

    public static final int SIZE_BYTES = 16;
    static final long P = 1;
    static final long ADDR_MASK = ~0xfffL;
    static final long RESERVED_LOW = 0xffeL;

    /** A present legacy root entry pointing at a 256-entry context table. */
    public static RootEntry legacy(long contextTable) {
        return new RootEntry(true, contextTable, false, 0);
    }

    /** A scalable-mode root entry with both halves present. */
    public static RootEntry scalable(long lowerContextTable, long upperContextTable) {
        return new RootEntry(true, lowerContextTable, true, upperContextTable);
    }

    public long lo() {
        return (present ? P : 0) | (contextTable & ADDR_MASK);
    }

    public long hi() {
        return (upperPresent ? P : 0) | (upperContextTable & ADDR_MASK);
    }

    /** Writes the entry for {@code bus} into the root table at {@code rootTable}. */
    public void writeTo(PhysicalMemory mem, int agent, long rootTable, int bus) {
        long a = rootTable + SIZE_BYTES * (long) (bus & 0xff);
        mem.writeLong(agent, a, lo());
        mem.writeLong(agent, a + 8, hi());
    }
}
