package dev.kdumpsim.smmuv3;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import java.util.Arrays;

/**
 * The SMMUv3 Non-secure register file (IHI0070 §6.3) as a struct of named fields, and the MMIO
 * accessors that give writes their architected side effects. What the registers mean for a
 * transaction is {@link SmmuTranslation}'s business; this class only holds and guards them.
 *
 * <p>Modelled: IDR0/IDR1/IDR5 from {@link SmmuParameters}; CR0 with CR0ACK after
 * {@code cr0AckLatencyNs} (§6.3.9: the new CR0 takes effect no later than CR0ACK shows it);
 * CR1; CR2 (E2H, RECINVSID, PTM); GBPA with its Update handshake (§6.3.14.1: writes without
 * Update or during an update are ignored, as SMMUv3.2); STRTAB_BASE(_CFG), CR1, CR2 guarded by
 * SMMUEN, CMDQ_BASE/CONS by CMDQEN, EVENTQ_BASE/PROD by EVENTQEN (writes ignored while the field
 * or its ACK is 1); GERROR/GERRORN (§6.3.18); IRQ_CTRL/IRQ_CTRLACK (§6.3.16); the queue PROD/CONS
 * pairs, whose state lives in {@link SmmuCommandQueue} and {@link SmmuEventQueue}. Wired
 * interrupts are delivered to {@link SmmuIrqListener}s from here.
 *
 * <p>Not modelled: IDR2-4, IIDR, STATUSR, the PRI queue registers and the Secure/Realm pages
 * (read as zero, writes ignored); MSI generation from the *_IRQ_CFG registers (stored only).
 */
final class SmmuRegisterFile {

    private static final long ACK_CR0 = 1L << 32;
    private static final long ACK_IRQ_CTRL = 2L << 32;
    private static final long GBPA_DONE = 3L << 32;
    private static final long IRQ_EVENTQ = 4L << 32;
    private static final long IRQ_GERROR = 5L << 32;
    private static final long IRQ_CMD_SYNC = 6L << 32;

    private final Simulation sim;
    private final SmmuStateTrace stateTrace;
    private final SmmuParameters params;
    private final SmmuCommandQueue commandQueue;
    private final SmmuEventQueue eventQueue;
    private final EventHandler timer = this::onTimer;
    private SmmuIrqListener[] listeners = new SmmuIrqListener[0];

    int cr0;
    int cr0ack;
    int cr1;
    int cr2;
    /** GBPA as software reads it (Update set while an update is in progress). */
    int gbpa;
    /** The GBPA fields transactions obey: the last completed update. */
    int gbpaEffective;
    int irqCtrl;
    int irqCtrlAck;
    int gerror;
    int gerrorn;
    long gerrorIrqCfg0;
    long eventqIrqCfg0;
    long strtabBase;
    int strtabBaseCfg;
    /** CR0ACK.SMMUEN: translation is on. */
    boolean smmuEnabled;
    long ignoredWrites;

    SmmuRegisterFile(Simulation sim, SmmuParameters params, SmmuCommandQueue commandQueue, SmmuEventQueue eventQueue,
            SmmuStateTrace stateTrace) {
        this.stateTrace = stateTrace;
        this.sim = sim;
        this.params = params;
        this.commandQueue = commandQueue;
        this.eventQueue = eventQueue;
        this.gbpa = GBPA_SHCFG_INCOMING | (params.gbpaResetAbort() ? GBPA_ABORT : 0);
        this.gbpaEffective = gbpa;
    }

    void addIrqListener(SmmuIrqListener listener) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    // ---- MMIO ---------------------------------------------------------------------------------

    int readl(long offset) {
        if (is64BitRegister(offset & ~7L)) {
            long v = read64(offset & ~7L);
            return (int) ((offset & 4) == 0 ? v : v >>> 32);
        }
        switch ((int) offset) {
            case (int) IDR0: return params.idr0();
            case (int) IDR1: return params.idr1();
            case (int) IDR5: return params.idr5();
            case (int) AIDR: return 2; // SMMUv3.2: GBPA writes without Update are ignored
            case (int) CR0: return cr0;
            case (int) CR0ACK: return cr0ack;
            case (int) CR1: return cr1;
            case (int) CR2: return cr2;
            case (int) GBPA: return gbpa;
            case (int) IRQ_CTRL: return irqCtrl;
            case (int) IRQ_CTRLACK: return irqCtrlAck;
            case (int) GERROR: return gerror;
            case (int) GERRORN: return gerrorn;
            case (int) STRTAB_BASE_CFG: return strtabBaseCfg;
            case (int) CMDQ_PROD: return commandQueue.prod;
            case (int) CMDQ_CONS: return commandQueue.cons;
            case (int) EVENTQ_PROD: return eventQueue.prod;
            case (int) EVENTQ_CONS: return eventQueue.cons;
            default: return 0; // IDR2-4, IIDR, STATUSR, PRI queue, unimplemented: RAZ
        }
    }

    long readq(long offset) {
        if (is64BitRegister(offset)) {
            return read64(offset);
        }
        return (readl(offset) & 0xffffffffL) | ((long) readl(offset + 4) << 32);
    }

    void writel(long offset, int value) {
        long reg = offset & ~7L;
        if (is64BitRegister(reg)) {
            long old = read64(reg);
            long v = (offset & 4) == 0 ? (old & ~0xffffffffL) | (value & 0xffffffffL)
                    : (old & 0xffffffffL) | ((long) value << 32);
            write64(reg, v);
            return;
        }
        switch ((int) offset) {
            case (int) CR0: writeCr0(value); break;
            case (int) CR1: if (notGuarded(CR0_SMMUEN)) { cr1 = value; } break;
            case (int) CR2: if (notGuarded(CR0_SMMUEN)) { cr2 = value & 7; } break;
            case (int) GBPA: writeGbpa(value); break;
            case (int) IRQ_CTRL: writeIrqCtrl(value); break;
            case (int) GERRORN: writeGerrorn(value); break;
            case (int) STRTAB_BASE_CFG:
                if (notGuarded(CR0_SMMUEN)) {
                    strtabBaseCfg = value & 0x307ff; // FMT[17:16], SPLIT[10:6], LOG2SIZE[5:0]
                }
                break;
            case (int) CMDQ_PROD: commandQueue.writeProd(value); break;
            case (int) CMDQ_CONS: if (notGuarded(CR0_CMDQEN)) { commandQueue.writeCons(value); } break;
            case (int) EVENTQ_PROD: if (notGuarded(CR0_EVENTQEN)) { eventQueue.writeProd(value); stateTrace.eventQueueDepth(eventQueue); } break;
            case (int) EVENTQ_CONS: eventQueue.writeCons(value); stateTrace.eventQueueDepth(eventQueue); break;
            default: ignoredWrites++; break; // RO or unimplemented: WI
        }
    }

    void writeq(long offset, long value) {
        if (is64BitRegister(offset)) {
            write64(offset, value);
            return;
        }
        writel(offset, (int) value);
        writel(offset + 4, (int) (value >>> 32));
    }

    private static boolean is64BitRegister(long reg) {
        return reg == STRTAB_BASE || reg == CMDQ_BASE || reg == EVENTQ_BASE || reg == GERROR_IRQ_CFG0
                || reg == EVENTQ_IRQ_CFG0;
    }

    private long read64(long reg) {
        if (reg == STRTAB_BASE) {
            return strtabBase;
        } else if (reg == CMDQ_BASE) {
            return commandQueue.base;
        } else if (reg == EVENTQ_BASE) {
            return eventQueue.base;
        } else if (reg == GERROR_IRQ_CFG0) {
            return gerrorIrqCfg0;
        }
        return eventqIrqCfg0;
    }

    private void write64(long reg, long v) {
        if (reg == STRTAB_BASE) {
            if (notGuarded(CR0_SMMUEN)) {
                strtabBase = v & (STRTAB_BASE_RA | STRTAB_BASE_ADDR_MASK);
            }
        } else if (reg == CMDQ_BASE) {
            if (notGuarded(CR0_CMDQEN)) {
                commandQueue.base = v & ((1L << 62) | Q_BASE_ADDR_MASK | Q_LOG2SIZE_MASK);
            }
        } else if (reg == EVENTQ_BASE) {
            if (notGuarded(CR0_EVENTQEN)) {
                eventQueue.base = v & ((1L << 62) | Q_BASE_ADDR_MASK | Q_LOG2SIZE_MASK);
            }
        } else if (reg == GERROR_IRQ_CFG0) {
            gerrorIrqCfg0 = v; // MSI address: stored, MSIs are not generated
        } else {
            eventqIrqCfg0 = v;
        }
    }

    /** "Guarded by" a CR0 field (§6.3): writable only while the field and its CR0ACK copy are both 0. */
    private boolean notGuarded(int cr0Bit) {
        if (((cr0 | cr0ack) & cr0Bit) != 0) {
            ignoredWrites++;
            return false;
        }
        return true;
    }

    private void writeCr0(int value) {
        cr0 = value & CR0_IMPLEMENTED;
        ack(ACK_CR0, cr0, params.cr0AckLatencyNs());
    }

    private void writeIrqCtrl(int value) {
        irqCtrl = value & (IRQ_CTRL_GERROR_IRQEN | IRQ_CTRL_EVENTQ_IRQEN | (params.pri() ? IRQ_CTRL_PRIQ_IRQEN : 0));
        ack(ACK_IRQ_CTRL, irqCtrl, params.cr0AckLatencyNs());
    }

    /** §6.3.14.1: only a write with Update=1 while Update reads 0 starts an update. */
    private void writeGbpa(int value) {
        if ((value & GBPA_UPDATE) == 0 || (gbpa & GBPA_UPDATE) != 0) {
            ignoredWrites++;
            return;
        }
        gbpa = (value & GBPA_FIELDS) | GBPA_UPDATE;
        ack(GBPA_DONE, gbpa & GBPA_FIELDS, params.gbpaUpdateLatencyNs());
    }

    private void writeGerrorn(int value) {
        boolean wasActive = cmdqErrorActive();
        gerrorn = value & GERROR_IMPLEMENTED;
        if (wasActive && !cmdqErrorActive()) {
            commandQueue.kick(); // §7.1: consumption resumes once CMDQ_ERR is acknowledged
        }
    }

    private void ack(long kind, int value, long latencyNs) {
        long arg = kind | (value & 0xffffffffL);
        if (latencyNs == 0) {
            onTimer(arg);
        } else {
            sim.scheduleAfter(latencyNs, timer, arg);
        }
    }

    private void onTimer(long arg) {
        int value = (int) arg;
        long kind = arg & ~0xffffffffL;
        if (kind == ACK_CR0) {
            cr0ack = value;
            smmuEnabled = (value & CR0_SMMUEN) != 0;
            eventQueue.enabled = (value & CR0_EVENTQEN) != 0;
            commandQueue.enabled = (value & CR0_CMDQEN) != 0;
            commandQueue.kick();
            stateTrace.cr0ack(value);
        } else if (kind == ACK_IRQ_CTRL) {
            irqCtrlAck = value;
        } else if (kind == GBPA_DONE) {
            gbpaEffective = value;
            gbpa = value;
            stateTrace.gbpa(value);
        } else if (kind == IRQ_EVENTQ) {
            for (SmmuIrqListener l : listeners) {
                l.onEventQueueIrq();
            }
        } else if (kind == IRQ_GERROR) {
            for (SmmuIrqListener l : listeners) {
                l.onGerrorIrq();
            }
        } else if (kind == IRQ_CMD_SYNC) {
            for (SmmuIrqListener l : listeners) {
                l.onCmdSyncIrq();
            }
        }
    }

    // ---- state the other parts of the SMMU raise or consult -------------------------------------

    boolean cmdqErrorActive() {
        return ((gerror ^ gerrorn) & GERROR_CMDQ_ERR) != 0;
    }

    /** Activates a GERROR bit (toggle so it differs from GERRORN) unless already active (§6.3.18). */
    void raiseGerror(int bit) {
        if (((gerror ^ gerrorn) & bit) != 0) {
            return;
        }
        gerror ^= bit;
        if ((irqCtrlAck & IRQ_CTRL_GERROR_IRQEN) != 0) {
            sim.scheduleAfter(0, timer, IRQ_GERROR);
        }
    }

    /** The event queue went from empty to non-empty: the EVENTQ interrupt, if IRQ_CTRLACK enables it (§7.2). */
    /** A record was written: the event queue's depth changed. */
    void eventQueueWritten() {
        stateTrace.eventQueueDepth(eventQueue);
    }

    void eventQueueBecameNonEmpty() {
        if ((irqCtrlAck & IRQ_CTRL_EVENTQ_IRQEN) != 0) {
            sim.scheduleAfter(0, timer, IRQ_EVENTQ);
        }
    }

    void signalCmdSyncIrq() {
        sim.scheduleAfter(0, timer, IRQ_CMD_SYNC);
    }

    /** CR2.RECINVSID (§6.3.12): record C_BAD_STREAMID events. */
    boolean recordInvalidStreamIds() {
        return (cr2 & CR2_RECINVSID) != 0;
    }

    /** GBPA.ABORT as last completed: SMMUEN=0 transactions abort (§6.3.14). */
    boolean bypassAborts() {
        return (gbpaEffective & GBPA_ABORT) != 0;
    }
}
