package dev.kdumpsim.vtd;

import dev.kdumpsim.core.PhysicalMemory;

/**
 * Reads the root entry, the context entry and, in scalable mode, the PASID-directory and
 * PASID-table entries of RID_PASID for one request, straight from memory (VT-d 3.4.2 legacy,
 * 3.4.3 scalable mode; formats 9.1-9.6), checking each as the spec's fault conditions list them.
 * Returns 0 and fills a {@link DeviceContext}, or returns a {@link FaultReason} code; in both cases
 * {@link #reads} counts the entries read and {@code out.faultProcessingDisable} any FPD seen.
 *
 * <p>Checks, in order: legacy root P (1h), root reserved bits (Ah), context P (2h), context
 * reserved bits or DID beyond CAP.ND (Bh), AW not in SAGAW or TT reserved/unsupported (3h).
 * Scalable: root LP/UP (39h), reserved (3Ah), context P (41h), reserved (42h), DTE/PASIDE/PRE set
 * without the capability (43h), RID_PASID beyond PDTS (48h), PASID-directory P (51h) and reserved
 * (52h), PASID-entry P (59h), reserved (5Ah), PGTT or AW unsupported (5Bh).
 */
final class ContextFetcher {

    private final PhysicalMemory mem;
    private final int agent;
    private final VtdParameters params;
    private final long hawMask;
    private final long aboveHaw;
    int reads;

    ContextFetcher(PhysicalMemory mem, int agent, VtdParameters params) {
        this.mem = mem;
        this.agent = agent;
        this.params = params;
        this.hawMask = (1L << params.mgawBits()) - 1;
        this.aboveHaw = ~hawMask;
    }

    int fetch(int sid, long rootTable, int ttm, DeviceContext out) {
        reads = 0;
        out.faultProcessingDisable = false;
        if (ttm == VtdRegisters.TTM_LEGACY) {
            return fetchLegacy(sid, rootTable, out);
        }
        if (ttm == VtdRegisters.TTM_SCALABLE && params.scalableMode()) {
            return fetchScalable(sid, rootTable, out);
        }
        return FaultReason.SM_INVALID_ROOT_TABLE_ADDRESS;
    }

    private long read(long address) {
        return mem.readLong(agent, address);
    }

    private int fetchLegacy(int sid, long rootTable, DeviceContext out) {
        long re = rootTable + RootEntry.SIZE_BYTES * (long) (sid >>> 8);
        long lo = read(re);
        long hi = read(re + 8);
        reads++;
        if ((lo & RootEntry.P) == 0) {
            return FaultReason.ROOT_ENTRY_NOT_PRESENT;
        }
        if ((lo & (RootEntry.RESERVED_LOW | aboveHaw)) != 0 || hi != 0) {
            return FaultReason.ROOT_ENTRY_RESERVED;
        }
        long ce = (lo & RootEntry.ADDR_MASK) + ContextEntry.SIZE_BYTES * (long) (sid & 0xff);
        long clo = read(ce);
        long chi = read(ce + 8);
        reads++;
        out.faultProcessingDisable = (clo & ContextEntry.FPD) != 0; // evaluated even when P=0 (9.3)
        if ((clo & ContextEntry.P) == 0) {
            return FaultReason.CONTEXT_ENTRY_NOT_PRESENT;
        }
        int did = (int) ((chi >>> 8) & 0xffff);
        if ((clo & (ContextEntry.RESERVED_LO | aboveHaw)) != 0 || (chi & ContextEntry.RESERVED_HI) != 0
                || (did >>> params.domainIdBits()) != 0) {
            return FaultReason.CONTEXT_ENTRY_RESERVED;
        }
        int aw = (int) (chi & 7);
        int tt = (int) ((clo >>> 2) & 3);
        if ((aw != 1 && aw != 2) || !params.supportsAgaw(ContextEntry.agawBitsOf(aw))) {
            return FaultReason.INVALID_CONTEXT_ENTRY;
        }
        if (tt == ContextEntry.TT_PASS_THROUGH ? !params.passThrough() : tt != ContextEntry.TT_SECOND_LEVEL) {
            return FaultReason.INVALID_CONTEXT_ENTRY; // 01b needs ECAP.DT, 11b is reserved
        }
        out.scalable = false;
        out.pasid = 0;
        out.passThrough = tt == ContextEntry.TT_PASS_THROUGH;
        out.secondLevelTable = clo & ~0xfffL & hawMask;
        out.agawBits = ContextEntry.agawBitsOf(aw);
        out.domainId = did;
        return 0;
    }

    private int fetchScalable(int sid, long rootTable, DeviceContext out) {
        long re = rootTable + RootEntry.SIZE_BYTES * (long) (sid >>> 8);
        long lo = read(re);
        long hi = read(re + 8);
        reads++;
        long half = (sid & 0x80) == 0 ? lo : hi;
        if ((half & RootEntry.P) == 0) {
            return FaultReason.SM_ROOT_ENTRY_NOT_PRESENT;
        }
        if (((lo | hi) & (RootEntry.RESERVED_LOW | aboveHaw)) != 0) {
            return FaultReason.SM_ROOT_ENTRY_RESERVED;
        }
        long ce = (half & RootEntry.ADDR_MASK) + ScalableContextEntry.SIZE_BYTES * (long) (sid & 0x7f);
        long q0 = read(ce);
        long q1 = read(ce + 8);
        long q2 = read(ce + 16);
        long q3 = read(ce + 24);
        reads++;
        out.faultProcessingDisable = (q0 & 2) != 0;
        if ((q0 & 1) == 0) {
            return FaultReason.SM_CONTEXT_ENTRY_NOT_PRESENT;
        }
        if ((q0 & (ScalableContextEntry.RESERVED_QW0 | aboveHaw)) != 0
                || (q1 & ScalableContextEntry.RESERVED_QW1) != 0 || q2 != 0 || q3 != 0) {
            return FaultReason.SM_CONTEXT_ENTRY_RESERVED;
        }
        if ((q0 & 0x1c) != 0) {
            return FaultReason.SM_INVALID_CONTEXT_ENTRY; // DTE, PASIDE, PRE: ECAP.DT/PASID/PRS not advertised
        }
        int ridPasid = (int) (q1 & 0xfffff);
        int pdts = (int) ((q0 >>> 9) & 7);
        if ((ridPasid >>> 6) >= (1 << (pdts + 7))) {
            return FaultReason.SM_RID_PASID_ERROR;
        }
        long pde = read((q0 & ~0xfffL) + PasidEntry.DIRECTORY_ENTRY_BYTES * (long) (ridPasid >>> 6));
        reads++;
        out.faultProcessingDisable |= (pde & 2) != 0;
        if ((pde & 1) == 0) {
            return FaultReason.SM_PASID_DIR_ENTRY_NOT_PRESENT;
        }
        if ((pde & (PasidEntry.DIR_RESERVED | aboveHaw)) != 0) {
            return FaultReason.SM_PASID_DIR_ENTRY_RESERVED;
        }
        long pe = (pde & ~0xfffL) + PasidEntry.SIZE_BYTES * (long) (ridPasid & 0x3f);
        long p0 = read(pe);
        long p1 = read(pe + 8);
        reads++;
        out.faultProcessingDisable |= (p0 & 2) != 0;
        if ((p0 & 1) == 0) {
            return FaultReason.SM_PASID_ENTRY_NOT_PRESENT;
        }
        if ((p0 & (PasidEntry.RESERVED_QW0 | aboveHaw)) != 0) {
            return FaultReason.SM_PASID_ENTRY_RESERVED;
        }
        int pgtt = (int) ((p0 >>> 6) & 7);
        int aw = (int) ((p0 >>> 2) & 7);
        int did = (int) (p1 & 0xffff);
        boolean awOk = (aw == 1 || aw == 2) && params.supportsAgaw(ContextEntry.agawBitsOf(aw));
        boolean typeOk = pgtt == PasidEntry.PGTT_SECOND_LEVEL || (pgtt == PasidEntry.PGTT_PASS_THROUGH
                && params.passThrough());
        if (!typeOk || !awOk || (did >>> params.domainIdBits()) != 0) {
            return FaultReason.SM_INVALID_PASID_ENTRY;
        }
        out.scalable = true;
        out.pasid = ridPasid;
        out.passThrough = pgtt == PasidEntry.PGTT_PASS_THROUGH;
        out.secondLevelTable = p0 & ~0xfffL & hawMask;
        out.agawBits = ContextEntry.agawBitsOf(aw);
        out.domainId = did;
        return 0;
    }
}
