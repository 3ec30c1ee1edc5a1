package dev.kdumpsim.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;

/**
 * Primary fault logging (VT-d 7.x "Primary Fault Logging") and the fault event (FECTL_REG, 10.4.10):
 * the fault recording registers FRCD_REG (10.4.14), FSTS_REG (10.4.9) and FECTL/FEDATA/FEADDR.
 *
 * <p>Hardware keeps an internal index of the FRCD to use next, starting at 0 and wrapping. A fault
 * is not recorded while FSTS.PFO is 1; if the FRCD at the index still has F=1 the fault is lost and
 * PFO is set; otherwise the record is written, F set, the index advanced, and, if no fault was
 * pending, FSTS.FRI set to that register. PPF reads 1 while any F is 1. F and PFO/IQE/ICE/ITE are
 * write-1-to-clear.
 *
 * <p>The fault event: when hardware sets an interrupt condition (PPF going 1, PFO, IQE) and none
 * was already pending, FECTL.IP is set; with FECTL.IM clear the event is delivered (to the
 * unit's {@link VtdInterruptListener}s, from a scheduled simulation event) and IP cleared; with IM
 * set it is delivered when software clears IM. IP also clears when software has serviced every
 * condition. This is QEMU's {@code vtd_generate_fault_event} behaviour. The FEDATA/FEADDR MSI
 * registers are stored only; the event is a callback, not an MSI write.
 */
final class FaultRecorder {

    interface EventSink {
        void deliverFaultEvent();
    }

    private static final int CONDITIONS = FSTS_PPF | FSTS_PFO | FSTS_IQE | FSTS_ICE | FSTS_ITE;

    private final long[] lo;
    private final long[] hi;
    private final boolean collapse;
    private final EventSink sink;
    private int next;
    private int pending;
    private int flags; // PFO, IQE, ICE, ITE
    private int fri;
    private int fectl = FECTL_IM; // IM resets to 1 (10.4.10)
    int fedata;
    int feaddr;
    int feuaddr;

    long recorded;
    long suppressedByFpd;
    long lostToOverflow;
    long collapsed;
    long events;

    FaultRecorder(int count, boolean collapseFaultsPerSource, EventSink sink) {
        this.lo = new long[count];
        this.hi = new long[count];
        this.collapse = collapseFaultsPerSource;
        this.sink = sink;
    }

    /**
     * Logs one fault unless an FPD applies.
     *
     * @param faultInfo the FRCD FI field: the page address of a DMA fault, or index &lt;&lt; 48 of an interrupt fault
     * @param write the request type (T=0 write, 1 read); interrupt requests are writes
     * @return whether the fault reached an FRCD
     */
    boolean report(int sid, int reason, long faultInfo, boolean write, boolean fpd) {
        if (fpd && FaultReason.isQualified(reason)) {
            suppressedByFpd++;
            return false;
        }
        if ((flags & FSTS_PFO) != 0) {
            lostToOverflow++;
            return false;
        }
        if (collapse && pendingFrom(sid)) {
            collapsed++;
            return false;
        }
        int before = fsts();
        if ((hi[next] & FRCD_F) != 0) {
            flags |= FSTS_PFO;
            lostToOverflow++;
            raise(before);
            return false;
        }
        lo[next] = faultInfo & ~0xfffL;
        hi[next] = FRCD_F | (write ? 0 : FRCD_T) | ((long) (reason & 0xff) << FRCD_FR_SHIFT) | (sid & 0xffffL);
        if (pending++ == 0) {
            fri = next;
        }
        next = (next + 1) % lo.length;
        recorded++;
        raise(before);
        return true;
    }

    private boolean pendingFrom(int sid) {
        for (long h : hi) {
            if ((h & FRCD_F) != 0 && (h & 0xffff) == (sid & 0xffff)) {
                return true;
            }
        }
        return false;
    }

    /** Sets FSTS.IQE (invalidation queue error, 6.5.2.10) and raises the fault event. */
    void raiseInvalidationQueueError() {
        int before = fsts();
        flags |= FSTS_IQE;
        raise(before);
    }

    boolean invalidationQueueError() {
        return (flags & FSTS_IQE) != 0;
    }

    private void raise(int before) {
        if ((before & CONDITIONS) != 0 || (fsts() & CONDITIONS) == 0) {
            return; // a condition was already pending: no new event
        }
        fectl |= FECTL_IP;
        if ((fectl & FECTL_IM) == 0) {
            fectl &= ~FECTL_IP;
            events++;
            sink.deliverFaultEvent();
        }
    }

    int fsts() {
        return flags | (pending != 0 ? FSTS_PPF : 0) | (fri << FSTS_FRI_SHIFT);
    }

    /** RW1C of PFO, IQE, ICE, ITE; returns true if IQE was cleared (the queue may resume). */
    boolean writeFsts(int value) {
        boolean iqeCleared = (value & flags & FSTS_IQE) != 0;
        flags &= ~(value & (FSTS_PFO | FSTS_IQE | FSTS_ICE | FSTS_ITE));
        clearIpIfServiced();
        return iqeCleared;
    }

    int fectl() {
        return fectl;
    }

    void writeFectl(int value) {
        fectl = (fectl & ~FECTL_IM) | (value & FECTL_IM);
        if ((fectl & (FECTL_IM | FECTL_IP)) == FECTL_IP) {
            fectl &= ~FECTL_IP;
            events++;
            sink.deliverFaultEvent();
        }
    }

    private void clearIpIfServiced() {
        if ((fsts() & CONDITIONS) == 0) {
            fectl &= ~FECTL_IP;
        }
    }

    int count() {
        return lo.length;
    }

    /** Lower (FI) or upper (F, T, FR, SID) 64 bits of FRCD {@code slot}. */
    long read(int slot, boolean upper) {
        return upper ? hi[slot] : lo[slot];
    }

    /** Software writes 1 to F (bit 127): the record is consumed. */
    void clearFault(int slot) {
        if ((hi[slot] & FRCD_F) != 0) {
            hi[slot] &= ~FRCD_F;
            pending--;
            clearIpIfServiced();
        }
    }

    int pendingRecords() {
        return pending;
    }
}
