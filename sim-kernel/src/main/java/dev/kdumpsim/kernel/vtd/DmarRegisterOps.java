package dev.kdumpsim.kernel.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;

import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.vtd.DmarUnit;
import dev.kdumpsim.vtd.InvalidationDescriptor;

/**
 * The register-level operations of drivers/iommu/intel/iommu.c and dmar.c on one DMAR unit, each
 * asynchronous on the simulation clock: {@code IOMMU_WAIT_OP} (write GCMD, poll GSTS until the
 * status bit follows) for TE, SRTP and QIE, and {@code qi_submit_sync} (descriptors then a wait
 * descriptor with status write at IQT, poll the status dword). Linux busy-waits; here the poll
 * repeats every {@link #POLL_NS}. The driver keeps {@code iommu->gcmd}, its shadow of the
 * enabled bits, and rebuilds it from GSTS when it first sees the unit ({@code alloc_iommu}).
 */
final class DmarRegisterOps {

    /** Period of the simulated busy-wait; a model value. */
    static final long POLL_NS = 100;
    /** One 4 KiB queue of 16-byte descriptors (IQA.QS = 0). */
    static final int QUEUE_BYTES = 4096;
    static final int DESC_BYTES = 16;

    private final KernelContext k;
    private final DmarUnit unit;
    /** {@code iommu->gcmd}. */
    int gcmd;
    private long queue;
    private long status;
    private int tail;
    private int seq;

    DmarRegisterOps(KernelContext k, DmarUnit unit) {
        this.k = k;
        this.unit = unit;
        int sts = unit.readl(GSTS_REG);
        // dmar.c alloc_iommu: "iommu->gcmd |= DMA_GCMD_TE" etc. for what the previous owner left on
        this.gcmd = sts & (GCMD_TE | GCMD_QIE | GCMD_IRE);
    }

    DmarUnit unit() {
        return unit;
    }

    /** Writes {@code value} to GCMD and runs {@code then} once GSTS's {@code bit} reads {@code expect}. */
    void command(int value, int bit, boolean expect, Runnable then) {
        unit.writel(GCMD_REG, value);
        waitStatus(bit, expect, then);
    }

    private void waitStatus(int bit, boolean expect, Runnable then) {
        if (((unit.readl(GSTS_REG) & bit) != 0) == expect) {
            then.run();
            return;
        }
        k.sim().scheduleAfter(POLL_NS, x -> waitStatus(bit, expect, then), 0);
    }

    /** {@code iommu_disable_translation}. */
    void disableTranslation(Runnable then) {
        gcmd &= ~GCMD_TE;
        command(gcmd, GSTS_TES, false, then);
    }

    /** {@code iommu_enable_translation}. */
    void enableTranslation(Runnable then) {
        gcmd |= GCMD_TE;
        command(gcmd, GSTS_TES, true, then);
    }

    /** {@code iommu_set_root_entry}: RTADDR ({@code DMA_RTADDR_SMT} in scalable mode) then SRTP, wait for RTPS. */
    void setRootEntry(long root, boolean scalable, Runnable then) {
        unit.writeq(RTADDR_REG, root | (scalable ? (long) TTM_SCALABLE << RTADDR_TTM_SHIFT : 0));
        command(gcmd | GCMD_SRTP, GSTS_RTPS, true, then);
    }

    /** {@code dmar_disable_qi}: clears QIE if the previous owner left it set. */
    void disableQi(Runnable then) {
        if ((unit.readl(GSTS_REG) & GSTS_QIES) == 0) {
            gcmd &= ~GCMD_QIE;
            then.run();
            return;
        }
        gcmd &= ~GCMD_QIE;
        command(gcmd, GSTS_QIES, false, then);
    }

    /** {@code __dmar_enable_qi}: a fresh queue page, IQT = 0, IQA, QIE. */
    void enableQi(Runnable then) {
        queue = k.pages().allocate(QUEUE_BYTES, QUEUE_BYTES);
        status = k.pages().allocate(4096, 4096);
        tail = 0;
        unit.writeq(IQT_REG, 0);
        unit.writeq(IQA_REG, queue);
        gcmd |= GCMD_QIE;
        command(gcmd, GSTS_QIES, true, then);
    }

    /** {@code qi_submit_sync}: the descriptors, a wait with status write, then {@code then} once it was written. */
    void submitSync(Runnable then, InvalidationDescriptor... ds) {
        int want = ++seq;
        for (InvalidationDescriptor d : ds) {
            put(d);
        }
        put(InvalidationDescriptor.waitWithStatus(status, want, true));
        unit.writeq(IQT_REG, tail);
        waitWritten(want, then);
    }

    private void put(InvalidationDescriptor d) {
        d.writeTo(k.memory(), k.cpuAgent(), queue + tail, DESC_BYTES);
        tail = (tail + DESC_BYTES) % QUEUE_BYTES;
    }

    private void waitWritten(int want, Runnable then) {
        if ((int) k.memory().readLong(k.cpuAgent(), status) == want) {
            then.run();
            return;
        }
        k.sim().scheduleAfter(POLL_NS, x -> waitWritten(want, then), 0);
    }

    /** {@code flush_context(DMA_CCMD_GLOBAL_INVL)} + {@code flush_iotlb(DMA_TLB_GLOBAL_FLUSH)}. */
    void flushAll(Runnable then) {
        submitSync(then, InvalidationDescriptor.contextGlobal(), InvalidationDescriptor.iotlbGlobal());
    }
}
