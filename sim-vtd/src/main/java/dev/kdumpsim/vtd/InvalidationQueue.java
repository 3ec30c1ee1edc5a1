package dev.kdumpsim.vtd;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;

/**
 * The invalidation queue (VT-d 6.5.2): a ring of descriptors in memory at IQA_REG, 4 KiB * 2^QS
 * long, with 16-byte descriptors (IQA.DW=0) or 32-byte ones (DW=1, scalable mode only). Software
 * writes descriptors and moves IQT_REG; hardware fetches from IQH_REG, one descriptor per
 * {@code invalidationLatencyNs}, until IQH = IQT. IQA is latched when QIE is enabled, and IQH is
 * then reset to 0.
 *
 * <p>Modelled descriptors: context-cache (6.5.2.1), PASID-cache (6.5.2.2, scalable mode), IOTLB
 * (6.5.2.3), PASID-based IOTLB (6.5.2.4, scalable mode; drops the domain's entries), interrupt entry
 * cache (6.5.2.7) and invalidation wait (6.5.2.8: SW writes STATDATA at STATADDR, IF sets ICS.IWC
 * and raises the invalidation completion event; FN and PD need nothing here because descriptors
 * complete in order). Any other type, a reserved granularity or reserved bit, or an IQT with bit 4
 * set while DW=1 (or beyond the queue) is an invalidation queue error (6.5.2.10): FSTS.IQE is set,
 * IQH stays at the offending descriptor and fetching stops until software clears IQE.
 */
final class InvalidationQueue {

    interface CompletionSink {
        void deliverInvalidationCompletionEvent();
    }

    private final Simulation sim;
    private final PhysicalMemory mem;
    private final int agent;
    private final VtdParameters params;
    private final TranslationCaches caches;
    private final FaultRecorder faults;
    private final CompletionSink sink;
    private final EventHandler step = this::processOne;
    private final byte[] status = new byte[4];

    long iqa;
    private long base;
    private int descriptorBytes = 16;
    private long queueBytes = 4096;
    int head;
    int tail;
    private boolean enabled;
    private boolean busy;
    private int ics;
    private int iectl = VtdRegisters.IECTL_IM;
    int iedata;
    int ieaddr;
    int ieuaddr;

    long consumed;
    long errors;
    long completionEvents;

    InvalidationQueue(Simulation sim, PhysicalMemory mem, int agent, VtdParameters params, TranslationCaches caches,
            FaultRecorder faults, CompletionSink sink) {
        this.sim = sim;
        this.mem = mem;
        this.agent = agent;
        this.params = params;
        this.caches = caches;
        this.faults = faults;
        this.sink = sink;
    }

    /** GSTS.QIES changes (from the GCMD handshake). */
    void setEnabled(boolean on) {
        if (on && !enabled) {
            base = iqa & VtdRegisters.IQA_ADDR_MASK;
            descriptorBytes = params.scalableMode() && (iqa & VtdRegisters.IQA_DW) != 0 ? 32 : 16;
            queueBytes = 4096L << (iqa & VtdRegisters.IQA_QS_MASK);
            head = 0;
        }
        enabled = on;
        kick();
    }

    void writeTail(long value) {
        int t = (int) (value & VtdRegisters.IQ_OFFSET_MASK);
        if ((descriptorBytes == 32 && (t & 0x10) != 0) || t >= queueBytes) {
            errors++;
            faults.raiseInvalidationQueueError();
            return;
        }
        tail = t;
        kick();
    }

    /** Starts fetching if there is work and nothing stops it (called after IQT moves, QIE or IQE clears). */
    void kick() {
        if (enabled && !busy && head != tail && !faults.invalidationQueueError()) {
            busy = true;
            sim.scheduleAfter(params.invalidationLatencyNs(), step);
        }
    }

    private void processOne(long ignored) {
        busy = false;
        if (!enabled || head == tail || faults.invalidationQueueError()) {
            return;
        }
        long a = base + head;
        long qw0 = mem.readLong(agent, a);
        long qw1 = mem.readLong(agent, a + 8);
        boolean upperZero = descriptorBytes == 16 || (mem.readLong(agent, a + 16) | mem.readLong(agent, a + 24)) == 0;
        if (!upperZero || !execute(qw0, qw1)) {
            errors++;
            faults.raiseInvalidationQueueError(); // IQH keeps pointing at this descriptor
            return;
        }
        consumed++;
        head = (int) ((head + descriptorBytes) % queueBytes);
        kick();
    }

    /** Executes one descriptor; false if it is invalid. */
    private boolean execute(long qw0, long qw1) {
        int g = (int) ((qw0 >>> 4) & 3);
        int did = (int) ((qw0 >>> 16) & 0xffff);
        switch (InvalidationDescriptor.type(qw0)) {
            case InvalidationDescriptor.TYPE_CONTEXT_CACHE:
                if ((qw0 & InvalidationDescriptor.CC_RESERVED) != 0 || qw1 != 0) {
                    return false;
                }
                return caches.invalidateContext(g, did, (int) ((qw0 >>> 32) & 0xffff), (int) ((qw0 >>> 48) & 3));
            case InvalidationDescriptor.TYPE_IOTLB:
                if ((qw0 & InvalidationDescriptor.IOTLB_RESERVED_QW0) != 0
                        || (qw1 & InvalidationDescriptor.IOTLB_RESERVED_QW1) != 0
                        || (g == VtdRegisters.IOTLB_PAGE && !params.pageSelectiveInvalidation())
                        || (qw1 & 0x3f) > params.maxAddressMaskValue()) {
                    return false;
                }
                return caches.invalidateIotlb(g, did, qw1 & ~0xfffL, (int) (qw1 & 0x3f));
            case InvalidationDescriptor.TYPE_INTERRUPT_ENTRY_CACHE:
                if (!params.interruptRemapping() || ((qw0 >>> 27) & 0x1f) > params.maxHandleMaskValue()) {
                    return false;
                }
                caches.invalidateInterruptEntries((qw0 & (1L << 4)) == 0, (int) ((qw0 >>> 32) & 0xffff),
                        (int) ((qw0 >>> 27) & 0x1f));
                return true;
            case InvalidationDescriptor.TYPE_WAIT:
                return executeWait(qw0, qw1);
            case InvalidationDescriptor.TYPE_PASID_CACHE:
                return params.scalableMode() && caches.invalidatePasidCache(g, did, (int) ((qw0 >>> 32) & 0xfffff));
            case InvalidationDescriptor.TYPE_PASID_IOTLB:
                return params.scalableMode() && caches.invalidateIotlb(VtdRegisters.IOTLB_DOMAIN, did, 0, 0);
            default:
                return false; // device-TLB (ECAP.DT=0), page responses (no PRS), reserved types
        }
    }

    private boolean executeWait(long qw0, long qw1) {
        if ((qw0 & InvalidationDescriptor.WAIT_RESERVED_QW0) != 0
                || (qw1 & InvalidationDescriptor.WAIT_RESERVED_QW1) != 0) {
            return false;
        }
        if ((qw0 & InvalidationDescriptor.WAIT_SW) != 0) {
            int data = (int) (qw0 >>> 32);
            for (int i = 0; i < 4; i++) {
                status[i] = (byte) (data >>> (8 * i));
            }
            mem.write(agent, qw1 & ~3L, status);
        }
        if ((qw0 & InvalidationDescriptor.WAIT_IF) != 0 && (ics & VtdRegisters.ICS_IWC) == 0) {
            ics |= VtdRegisters.ICS_IWC;
            iectl |= VtdRegisters.IECTL_IP;
            if ((iectl & VtdRegisters.IECTL_IM) == 0) {
                iectl &= ~VtdRegisters.IECTL_IP;
                completionEvents++;
                sink.deliverInvalidationCompletionEvent();
            }
        }
        return true;
    }

    int ics() {
        return ics;
    }

    void writeIcs(int value) {
        ics &= ~(value & VtdRegisters.ICS_IWC);
        if (ics == 0) {
            iectl &= ~VtdRegisters.IECTL_IP;
        }
    }

    int iectl() {
        return iectl;
    }

    void writeIectl(int value) {
        iectl = (iectl & ~VtdRegisters.IECTL_IM) | (value & VtdRegisters.IECTL_IM);
        if ((iectl & (VtdRegisters.IECTL_IM | VtdRegisters.IECTL_IP)) == VtdRegisters.IECTL_IP) {
            iectl &= ~VtdRegisters.IECTL_IP;
            completionEvents++;
            sink.deliverInvalidationCompletionEvent();
        }
    }

    int descriptorBytes() {
        return descriptorBytes;
    }
}
