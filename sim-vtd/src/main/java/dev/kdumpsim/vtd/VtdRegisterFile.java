package dev.kdumpsim.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.TraceCounter;

/**
 * The unit's MMIO register file (VT-d 10.4) and its timed side effects: the GCMD_REG/GSTS_REG
 * handshake (10.4.4-10.4.5) and register-based invalidation through CCMD_REG and IOTLB_REG (6.5.1).
 *
 * <p>GCMD handshake: TE, QIE, IRE and CFI are levels (the written bit is the requested state);
 * SRTP and SIRTP are one-shot (writing 1 clears RTPS/IRTPS at once, then the unit latches the
 * RTADDR_REG/IRTA_REG value written before the command). Every change shows in GSTS_REG, and takes
 * effect, {@code commandLatencyNs} after the write, so software must poll GSTS as Linux's
 * {@code IOMMU_WAIT_OP} does. GCMD_REG reads 0 (write-only). SFL/EAFL (no CAP.AFL) and WBF (no
 * CAP.RWBF) are ignored; so are bits whose capability is absent (QIE without ECAP.QI; IRE, SIRTP,
 * CFI without ECAP.IR). The spec asks software to change one field per write; this model applies
 * every changed field of a write together. Changing TE does not touch the caches.
 */
final class VtdRegisterFile {

    private static final long KIND_GCMD = 1L << 56;
    private static final long KIND_CCMD = 2L << 56;
    private static final long KIND_IOTLB = 3L << 56;
    private static final long KIND_MASK = 0xffL << 56;
    private static final long GCMD_DO_SRTP = 1L << 32;
    private static final long GCMD_DO_SIRTP = 1L << 33;

    private final String unit;
    private final Simulation sim;
    private final VtdParameters params;
    private final TranslationCaches caches;
    private final FaultRecorder faults;
    private final InvalidationQueue queue;
    private final InterruptRemapping ir;
    private final EventHandler timer = this::onTimer;
    private final int implementedCommands;
    private final int fro;
    private final int iro;

    /** GSTS_REG as software reads it. */
    int gsts;
    private int requestedLevels;
    private long rtaddr;
    private long pendingRtaddr;
    private long pendingIrta;
    /** Latched by SRTP: the root table and its type (RTADDR.TTM). */
    long rootTable;
    int ttm;
    private long ccmd;
    private long iva;
    private long iotlbReg;
    long ignoredWrites;
    long registerInvalidationsIgnored;

    VtdRegisterFile(String unit, Simulation sim, VtdParameters params, TranslationCaches caches, FaultRecorder faults,
            InvalidationQueue queue, InterruptRemapping ir) {
        this.unit = unit;
        this.sim = sim;
        this.params = params;
        this.caches = caches;
        this.faults = faults;
        this.queue = queue;
        this.ir = ir;
        this.implementedCommands = GCMD_TE | GCMD_SRTP | (params.queuedInvalidation() ? GCMD_QIE : 0)
                | (params.interruptRemapping() ? GCMD_IRE | GCMD_SIRTP | GCMD_CFI : 0);
        this.fro = params.faultRecordingOffsetBytes();
        this.iro = params.iotlbRegisterOffsetBytes();
    }

    // ---- reads ------------------------------------------------------------------------------------

    int readl(long offset) {
        long reg = offset & ~7L;
        if (is64(reg)) {
            long v = read64(reg);
            return (int) ((offset & 4) == 0 ? v : v >>> 32);
        }
        switch ((int) offset) {
            case VER_REG: return params.verReg();
            case GCMD_REG: return 0;
            case GSTS_REG: return gsts;
            case FSTS_REG: return faults.fsts();
            case FECTL_REG: return faults.fectl();
            case FEDATA_REG: return faults.fedata;
            case FEADDR_REG: return faults.feaddr;
            case FEUADDR_REG: return faults.feuaddr;
            case ICS_REG: return queue.ics();
            case IECTL_REG: return queue.iectl();
            case IEDATA_REG: return queue.iedata;
            case IEADDR_REG: return queue.ieaddr;
            case IEUADDR_REG: return queue.ieuaddr;
            default: return 0; // PMR, advanced fault log, page request, perfmon, unimplemented: RAZ
        }
    }

    long readq(long offset) {
        if (is64(offset)) {
            return read64(offset);
        }
        return (readl(offset) & 0xffffffffL) | ((long) readl(offset + 4) << 32);
    }

    private boolean isFrcd(long reg) {
        return reg >= fro && reg < fro + (long) FRCD_REG_SIZE * faults.count();
    }

    private boolean is64(long reg) {
        return reg == CAP_REG || reg == ECAP_REG || reg == RTADDR_REG || reg == CCMD_REG || reg == IQH_REG
                || reg == IQT_REG || reg == IQA_REG || reg == IRTA_REG || reg == iro || reg == iro + IOTLB_REG_FROM_IVA
                || isFrcd(reg);
    }

    private long read64(long reg) {
        if (isFrcd(reg)) {
            return faults.read((int) ((reg - fro) / FRCD_REG_SIZE), (reg & 8) != 0);
        }
        if (reg == iro) {
            return iva;
        }
        if (reg == iro + IOTLB_REG_FROM_IVA) {
            return iotlbReg;
        }
        switch ((int) reg) {
            case CAP_REG: return params.capReg();
            case ECAP_REG: return params.ecapReg();
            case RTADDR_REG: return rtaddr;
            case CCMD_REG: return ccmd;
            case IQH_REG: return queue.head;
            case IQT_REG: return queue.tail;
            case IQA_REG: return queue.iqa;
            default: return ir.irta;
        }
    }

    // ---- writes -----------------------------------------------------------------------------------

    void writel(long offset, int value) {
        long reg = offset & ~7L;
        if (isFrcd(reg)) {
            if ((offset & 12) == 12 && (value & (1 << 31)) != 0) {
                faults.clearFault((int) ((reg - fro) / FRCD_REG_SIZE)); // F is RW1C, the rest RO
            }
            return;
        }
        if (is64(reg)) {
            long old = read64(reg);
            long v = (offset & 4) == 0 ? (old & ~0xffffffffL) | (value & 0xffffffffL)
                    : (old & 0xffffffffL) | ((long) value << 32);
            write64(reg, v);
            return;
        }
        switch ((int) offset) {
            case GCMD_REG: writeGcmd(value); break;
            case FSTS_REG: if (faults.writeFsts(value)) { queue.kick(); } break;
            case FECTL_REG: faults.writeFectl(value); break;
            case FEDATA_REG: faults.fedata = value; break;
            case FEADDR_REG: faults.feaddr = value & ~3; break;
            case FEUADDR_REG: faults.feuaddr = value; break;
            case ICS_REG: queue.writeIcs(value); break;
            case IECTL_REG: queue.writeIectl(value); break;
            case IEDATA_REG: queue.iedata = value; break;
            case IEADDR_REG: queue.ieaddr = value & ~3; break;
            case IEUADDR_REG: queue.ieuaddr = value; break;
            default: ignoredWrites++; break; // RO or unimplemented: WI
        }
    }

    void writeq(long offset, long value) {
        if (isFrcd(offset)) {
            if ((offset & 8) != 0 && value < 0) {
                faults.clearFault((int) ((offset - fro) / FRCD_REG_SIZE));
            }
            return;
        }
        if (is64(offset)) {
            write64(offset, value);
            return;
        }
        writel(offset, (int) value);
        writel(offset + 4, (int) (value >>> 32));
    }

    private void write64(long reg, long v) {
        if (reg == iro) {
            iva = v & (~0xfffL | 0x7fL);
        } else if (reg == iro + IOTLB_REG_FROM_IVA) {
            writeIotlbReg(v);
        } else if (reg == RTADDR_REG) {
            rtaddr = v & (RTADDR_RTA_MASK | (3L << RTADDR_TTM_SHIFT));
        } else if (reg == CCMD_REG) {
            writeCcmd(v);
        } else if (reg == IQT_REG) {
            queue.writeTail(v);
        } else if (reg == IQA_REG) {
            queue.iqa = v & (IQA_ADDR_MASK | IQA_DW | IQA_QS_MASK);
        } else if (reg == IRTA_REG) {
            ir.irta = v & (IRTA_ADDR_MASK | IRTA_EIME | IRTA_S_MASK);
        } else {
            ignoredWrites++; // CAP, ECAP, IQH: RO
        }
    }

    private void writeGcmd(int value) {
        int cmd = value & implementedCommands;
        long arg = KIND_GCMD | (cmd & GCMD_LEVEL_BITS & 0xffffffffL);
        if ((cmd & GCMD_SRTP) != 0) {
            setGsts(gsts & ~GSTS_RTPS);
            pendingRtaddr = rtaddr;
            arg |= GCMD_DO_SRTP;
        }
        if ((cmd & GCMD_SIRTP) != 0) {
            setGsts(gsts & ~GSTS_IRTPS);
            pendingIrta = ir.irta;
            arg |= GCMD_DO_SIRTP;
        }
        if ((arg & (GCMD_DO_SRTP | GCMD_DO_SIRTP)) == 0 && (cmd & GCMD_LEVEL_BITS) == requestedLevels) {
            return; // nothing changes
        }
        requestedLevels = cmd & GCMD_LEVEL_BITS;
        after(params.commandLatencyNs(), arg);
    }

    private void writeCcmd(long v) {
        ccmd = v;
        if ((v & CCMD_ICC) == 0) {
            return;
        }
        if ((gsts & GSTS_QIES) != 0) {
            registerInvalidationsIgnored++; // 6.5: register-based invalidation is not used with QI enabled
            ccmd &= ~CCMD_ICC;
            return;
        }
        after(params.invalidationLatencyNs(), KIND_CCMD);
    }

    private void writeIotlbReg(long v) {
        iotlbReg = v;
        if ((v & IOTLB_IVT) == 0) {
            return;
        }
        if ((gsts & GSTS_QIES) != 0) {
            registerInvalidationsIgnored++;
            iotlbReg &= ~IOTLB_IVT;
            return;
        }
        after(params.invalidationLatencyNs(), KIND_IOTLB);
    }

    private void after(long latencyNs, long arg) {
        if (latencyNs == 0) {
            onTimer(arg);
        } else {
            sim.scheduleAfter(latencyNs, timer, arg);
        }
    }

    private void onTimer(long arg) {
        long kind = arg & KIND_MASK;
        if (kind == KIND_GCMD) {
            completeGcmd(arg);
        } else if (kind == KIND_CCMD) {
            int cirg = (int) ((ccmd >>> CCMD_CIRG_SHIFT) & 3);
            boolean ok = caches.invalidateContext(cirg, (int) (ccmd & 0xffff), (int) ((ccmd >>> CCMD_SID_SHIFT) & 0xffff),
                    (int) ((ccmd >>> CCMD_FM_SHIFT) & 3));
            ccmd = (ccmd & ~CCMD_ICC & ~(3L << CCMD_CAIG_SHIFT)) | ((long) (ok ? cirg : 0) << CCMD_CAIG_SHIFT);
        } else if (kind == KIND_IOTLB) {
            int iirg = (int) ((iotlbReg >>> IOTLB_IIRG_SHIFT) & 3);
            boolean ok = (iirg != IOTLB_PAGE || params.pageSelectiveInvalidation())
                    && (iva & 0x3f) <= params.maxAddressMaskValue()
                    && caches.invalidateIotlb(iirg, (int) ((iotlbReg >>> IOTLB_DID_SHIFT) & 0xffff), iva & ~0xfffL,
                            (int) (iva & 0x3f));
            iotlbReg = (iotlbReg & ~IOTLB_IVT & ~(3L << IOTLB_IAIG_SHIFT)) | ((long) (ok ? iirg : 0) << IOTLB_IAIG_SHIFT);
        }
    }

    /** The GCMD operation takes effect and shows in GSTS. */
    private void completeGcmd(long arg) {
        if ((arg & GCMD_DO_SRTP) != 0) {
            rootTable = pendingRtaddr & RTADDR_RTA_MASK & ((1L << params.mgawBits()) - 1);
            ttm = (int) ((pendingRtaddr >>> RTADDR_TTM_SHIFT) & 3);
            setGsts(gsts | GSTS_RTPS);
            if (params.enhancedSetRootTablePointer()) {
                caches.invalidateAllTranslations();
            }
        }
        if ((arg & GCMD_DO_SIRTP) != 0) {
            ir.latchTablePointer(pendingIrta, params.extendedInterruptMode());
            setGsts(gsts | GSTS_IRTPS);
            if (params.enhancedSetIrTablePointer()) {
                caches.interruptEntries.invalidateAll();
            }
        }
        int levels = (int) arg & GCMD_LEVEL_BITS;
        setGsts((gsts & ~GCMD_LEVEL_BITS) | levels);
        ir.enabled = (levels & GSTS_IRES) != 0;
        ir.compatibilityAllowed = (levels & GSTS_CFIS) != 0;
        queue.setEnabled((levels & GSTS_QIES) != 0);
    }

    /** GSTS_REG's status bits as trace counter series (VT-d 11.4.4.2), in the register's bit order, high to low. */
    static final String[] GSTS_SERIES = {"TES", "RTPS", "QIES", "IRES", "IRTPS", "CFIS"};
    static final int[] GSTS_BITS = {GSTS_TES, GSTS_RTPS, GSTS_QIES, GSTS_IRES, GSTS_IRTPS, GSTS_CFIS};

    /**
     * Every GSTS change goes through here, so a trace listener sees each one: the unit's
     * "{unit} GSTS" counter track gets every status bit's value at the instant of the change (a
     * GCMD command taking effect, or SRTP/SIRTP clearing RTPS/IRTPS at once).
     */
    private void setGsts(int value) {
        if (value == gsts) {
            return;
        }
        gsts = value;
        if (sim.trace().enabled()) {
            for (int i = 0; i < GSTS_SERIES.length; i++) {
                sim.trace().emit(new TraceCounter(sim.now(), unit + " GSTS", GSTS_SERIES[i], (value & GSTS_BITS[i]) != 0 ? 1 : 0));
            }
        }
    }
}
