package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * Interrupt remapping (VT-d 5.1): requests in remappable format (5.1.2.2: address bits 31:20 =
 * 0xFEE, HANDLE[14:0] in 19:5, HANDLE[15] in 2, interrupt format bit 4 = 1, SHV bit 3; with SHV the
 * data's low 16 bits are a subhandle added to the handle and its upper 16 must be 0) are looked
 * up in the interrupt-remapping table latched from IRTA_REG by SIRTP (2^(S+1) entries, EIME
 * selecting 32-bit x2APIC destinations). IRTEs come from the interrupt entry cache or memory, and
 * are cached only when valid; the cache changes only by interrupt entry cache invalidation (and by
 * SIRTP with CAP.ESIRTPS).
 *
 * <p>Faults, recorded like DMA faults with FI = index &lt;&lt; 48 as Linux's {@code dmar_fault_do_one}
 * decodes it: 20h reserved request bits, 21h index beyond the table, 22h IRTE P=0, 24h IRTE reserved
 * bits (including IM=1, posted format, without CAP.PI), 25h compatibility format while GSTS.CFIS=0,
 * 26h source-id verification failed. IRTE.FPD suppresses the qualified ones (22h, 24h, 26h).
 * With GSTS.IRES=0 every request passes through unremapped.
 */
final class InterruptRemapping {

    private final PhysicalMemory mem;
    private final int agent;
    private final TranslationCaches caches;
    private final FaultRecorder faults;
    long irta;
    private long table;
    private int entries;
    private boolean x2apic;
    boolean enabled;
    boolean compatibilityAllowed;
    long remapped;
    long passedThrough;
    long blocked;

    InterruptRemapping(PhysicalMemory mem, int agent, TranslationCaches caches, FaultRecorder faults) {
        this.mem = mem;
        this.agent = agent;
        this.caches = caches;
        this.faults = faults;
    }

    /** SIRTP completed: latch the IRTA_REG value written before the command (10.4.30). */
    void latchTablePointer(long value, boolean eimSupported) {
        table = value & VtdRegisters.IRTA_ADDR_MASK;
        entries = 1 << ((value & VtdRegisters.IRTA_S_MASK) + 1);
        x2apic = eimSupported && (value & VtdRegisters.IRTA_EIME) != 0;
    }

    RemappedInterrupt remap(int sid, long address, int data, RemappedInterrupt out) {
        sid &= 0xffff;
        if (!enabled) {
            passedThrough++;
            return out.passedThrough(address, data);
        }
        if ((address >>> 20) != 0xfee) {
            return fault(out, sid, -1, FaultReason.IR_REQUEST_RESERVED, false);
        }
        if ((address & 0x10) == 0) {
            if (compatibilityAllowed) {
                passedThrough++;
                return out.passedThrough(address, data);
            }
            return fault(out, sid, -1, FaultReason.IR_COMPATIBILITY_BLOCKED, false);
        }
        int index = (int) (((address >>> 5) & 0x7fff) | (((address >>> 2) & 1) << 15));
        if ((address & 8) != 0) {
            if ((data & 0xffff0000) != 0) {
                return fault(out, sid, index, FaultReason.IR_REQUEST_RESERVED, false);
            }
            index += data & 0xffff;
        }
        if (index >= entries) {
            return fault(out, sid, index, FaultReason.IR_INDEX_BEYOND_TABLE, false);
        }
        long lo;
        long hi;
        EntryCache iec = caches.interruptEntries;
        if (iec.lookup(index)) {
            lo = iec.a(index);
            hi = iec.b(index);
        } else {
            long a = table + InterruptRemapEntry.SIZE_BYTES * (long) index;
            lo = mem.readLong(agent, a);
            hi = mem.readLong(agent, a + 8);
            boolean fpd = (lo & 2) != 0;
            if ((lo & 1) == 0) {
                return fault(out, sid, index, FaultReason.IRTE_NOT_PRESENT, fpd);
            }
            int svt = (int) ((hi >>> 18) & 3);
            if ((lo & InterruptRemapEntry.RESERVED_LO) != 0 || (hi & InterruptRemapEntry.RESERVED_HI) != 0
                    || (!x2apic && (lo & InterruptRemapEntry.RESERVED_LO_XAPIC) != 0) || svt == 3) {
                return fault(out, sid, index, FaultReason.IRTE_RESERVED, fpd);
            }
            iec.put(index, lo, hi);
        }
        if (!sourceIdMatches(sid, hi)) {
            return fault(out, sid, index, FaultReason.IR_SOURCE_ID_INVALID, (lo & 2) != 0);
        }
        remapped++;
        return out.remapped(index, lo, x2apic);
    }

    /** IRTE.SVT/SQ/SID check (9.10). */
    private static boolean sourceIdMatches(int sid, long hi) {
        int expected = (int) (hi & 0xffff);
        switch ((int) ((hi >>> 18) & 3)) {
            case InterruptRemapEntry.SVT_REQUESTER_ID:
                int sq = (int) ((hi >>> 16) & 3);
                int ignore = sq == 0 ? 0 : (sq == 1 ? 4 : (sq == 2 ? 6 : 7));
                int mask = 0xffff & ~ignore;
                return (sid & mask) == (expected & mask);
            case InterruptRemapEntry.SVT_BUS_RANGE:
                int bus = sid >>> 8;
                return bus >= (expected >>> 8) && bus <= (expected & 0xff);
            default:
                return true;
        }
    }

    private RemappedInterrupt fault(RemappedInterrupt out, int sid, int index, int reason, boolean fpd) {
        blocked++;
        long fi = index < 0 ? 0 : (long) index << 48;
        boolean recorded = faults.report(sid, reason, fi, true, fpd);
        return out.blocked(index, reason, recorded);
    }
}
