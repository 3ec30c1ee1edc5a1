package dev.kdumpsim.smmuv3;

import static dev.kdumpsim.smmuv3.SmmuRegisters.*;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;
import java.util.Arrays;

/**
 * An Arm SMMUv3 (IHI0070) as hardware: a register file reached only through MMIO accessors, and
 * structures (stream tables, STEs, CDs, page tables, queues) read from and written to
 * {@link PhysicalMemory}; implements the {@link Iommu} port for upstream DMA.
 *
 * <h2>Modelled</h2>
 * <ul>
 * <li>Registers (§6.3): IDR0/IDR1/IDR5 from {@link SmmuParameters}; CR0 with CR0ACK after
 *     {@code cr0AckLatencyNs} (§6.3.9); CR1; CR2.RECINVSID; GBPA with its Update handshake (§6.3.14;
 *     writes without Update or during an update are ignored, as SMMUv3.2); STRTAB_BASE(_CFG),
 *     CR1, CR2 guarded by SMMUEN, CMDQ_BASE/CONS by CMDQEN, EVENTQ_BASE/PROD by EVENTQEN (writes
 *     ignored while the field or its ACK is 1); GERROR/GERRORN; IRQ_CTRL/IRQ_CTRLACK.</li>
 * <li>Transactions (§3, §6.3.9.6): SMMUEN=0 -> GBPA abort or bypass, no event; SMMUEN=1 -> linear or
 *     2-level stream table, STE, CD, stage-1 AArch64 walk (4K/64K granule) -> see
 *     {@link ConfigFetcher} and {@link Stage1Walker} for each check and its event.</li>
 * <li>A configuration cache and a TLB changed only by commands: stale entries are used until
 *     software invalidates them (§16.2).</li>
 * <li>Event queue (§7.2, §7.4) with wrap, overflow flag and counted losses; optional merging of
 *     C_BAD_STREAMID; command queue (§4) with per-command latency and CERROR_ILL handling.</li>
 * <li>Wired interrupts to {@link SmmuIrqListener}s: EVENTQ (empty -> non-empty), GERROR, CMD_SYNC.</li>
 * </ul>
 * <h2>Not modelled</h2>
 * Stage 2 and nested translation (STE Config 0b110/0b111 -> C_BAD_STE, counted as unmodelled);
 * SubstreamIDs/PASID (transactions never carry one); PRI and the PRI queue (§8); ATS and ATCs
 * (§3.9; ATC_INV accepted as a no-op); stall mode (§3.12; every fault terminates, RESUME /
 * STALL_TERM are no-ops); MSIs other than the CMD_SYNC completion write (§3.18; event and GERROR
 * interrupts are wired); Secure and Realm state (§3.10); hardware Access/Dirty flag updates;
 * VMSAv8-32 tables, the 16K granule, TTB1; memory attributes, shareability, cache maintenance;
 * external aborts on structure fetches (memory never aborts here, so F_STE_FETCH, F_CD_FETCH,
 * F_WALK_EABT and GERROR.EVTQ_ABT_ERR do not occur); timing beyond fixed per-step latencies.
 */
public final class SmmuV3 implements Iommu {

    private static final long ACK_CR0 = 1L << 32;
    private static final long ACK_IRQ_CTRL = 2L << 32;
    private static final long GBPA_DONE = 3L << 32;
    private static final long IRQ_EVENTQ = 4L << 32;
    private static final long IRQ_GERROR = 5L << 32;
    private static final long IRQ_CMD_SYNC = 6L << 32;

    private final String name;
    private final Simulation sim;
    private final SmmuParameters params;
    private final EventCounters counters = new EventCounters();
    private final ConfigCache configCache = new ConfigCache();
    private final Tlb tlb;
    private final ConfigFetcher fetcher;
    private final Stage1Walker walker;
    private final SmmuEventQueue eventQueue;
    private final SmmuCommandQueue commandQueue;
    private final StreamConfig scratch = new StreamConfig();
    private final EventHandler timer = this::onTimer;
    private SmmuIrqListener[] listeners = new SmmuIrqListener[0];

    // register state
    private int cr0;
    private int cr0ack;
    private int cr1;
    private int cr2;
    private int gbpa;
    private int gbpaEffective;
    private int irqCtrl;
    private int irqCtrlAck;
    private int gerror;
    private int gerrorn;
    private long gerrorIrqCfg0;
    private long eventqIrqCfg0;
    private long strtabBase;
    private int strtabBaseCfg;
    private boolean smmuEnabled;

    // transaction accounting
    private long gbpaAborts;
    private long gbpaBypasses;
    private long ignoredRegisterWrites;

    /**
     * @param name instance name, used as the memory agent name and in traces (e.g. "arm-smmu-v3.0.auto")
     */
    public SmmuV3(String name, Simulation sim, PhysicalMemory memory, SmmuParameters params) {
        this.name = name;
        this.sim = sim;
        this.params = params;
        int agent = memory.registerAgent(name);
        this.tlb = new Tlb(params.tlbEntries());
        this.fetcher = new ConfigFetcher(memory, agent, params);
        this.walker = new Stage1Walker(memory, agent);
        this.eventQueue = new SmmuEventQueue(memory, agent, params, counters);
        this.commandQueue = new SmmuCommandQueue(sim, memory, agent, params, this);
        this.gbpa = GBPA_SHCFG_INCOMING | (params.gbpaResetAbort() ? GBPA_ABORT : 0);
        this.gbpaEffective = gbpa;
    }

    public String name() {
        return name;
    }

    public SmmuParameters parameters() {
        return params;
    }

    public void addIrqListener(SmmuIrqListener listener) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    // ---- the Iommu port ---------------------------------------------------------------------

    @Override
    public Translation translate(int streamId, long address, boolean write, int size, Translation out) {
        final long hit = params.tlbHitLatencyNs();
        if (!smmuEnabled) {
            // §6.3.9.6: SMMUEN=0 -> GBPA decides; no stream table read, no event.
            if ((gbpaEffective & GBPA_ABORT) != 0) {
                gbpaAborts++;
                return out.aborted(Translation.NO_EVENT, false, hit);
            }
            gbpaBypasses++;
            return out.bypassed(address, hit);
        }
        long latency = hit;
        StreamConfig c = configCache.lookup(streamId);
        if (c == null) {
            int ev = fetcher.fetch(streamId, strtabBase, strtabBaseCfg, scratch);
            latency += fetcher.reads * params.tableFetchLatencyNs();
            if (ev != 0) {
                if (ev == EventId.C_BAD_STREAMID && (cr2 & CR2_RECINVSID) == 0) {
                    return out.aborted(Translation.NO_EVENT, false, latency); // §6.3.12 RECINVSID=0
                }
                return out.aborted(ev, raiseEvent(ev, streamId, address, write, false), latency);
            }
            c = configCache.install(streamId, scratch);
        }
        switch (c.kind) {
            case StreamConfig.KIND_BYPASS:
                return out.bypassed(address, latency);
            case StreamConfig.KIND_S1:
                return translateStage1(c, streamId, address, write, latency, out);
            case StreamConfig.KIND_STREAM_DISABLED:
                return out.aborted(EventId.F_STREAM_DISABLED,
                        raiseEvent(EventId.F_STREAM_DISABLED, streamId, address, write, true), latency);
            default:
                return out.aborted(Translation.NO_EVENT, false, latency); // STE.Config = abort: silent
        }
    }

    private Translation translateStage1(StreamConfig c, int sid, long va, boolean write, long latency,
            Translation out) {
        long key = Tlb.key(c.asid, va);
        long v = (va >>> c.inputBits) == 0 ? tlb.lookup(key) : -1;
        if (v != -1) {
            if (write && (v & Tlb.WRITABLE) == 0) {
                return out.aborted(EventId.F_PERMISSION, raiseEvent(EventId.F_PERMISSION, sid, va, true, true),
                        latency);
            }
            return out.translated((v & ~0xfffL) | (va & 0xfff), latency);
        }
        int ev = walker.walk(c, va, write);
        latency += walker.reads * params.tableFetchLatencyNs();
        if (ev != 0) {
            return out.aborted(ev, raiseEvent(ev, sid, va, write, true), latency);
        }
        tlb.insert(key, (walker.outPa & ~0xfffL) | (walker.outWritable ? Tlb.WRITABLE : 0));
        return out.translated(walker.outPa, latency);
    }

    /** Builds the record (§7.3) and offers it to the event queue; true if written to memory. */
    private boolean raiseEvent(int id, int sid, long address, boolean write, boolean transactionFields) {
        long dw0 = EventRecord.dw0(id, sid, false, 0);
        long dw1 = transactionFields ? EventRecord.dw1(!write, false, false, false, EventRecord.CLASS_IN) : 0;
        long dw2 = transactionFields ? address : 0;
        int fate = eventQueue.deliver(id, dw0, dw1, dw2, 0);
        if (fate == SmmuEventQueue.WRITTEN_FIRST && (irqCtrlAck & IRQ_CTRL_EVENTQ_IRQEN) != 0) {
            sim.scheduleAfter(0, timer, IRQ_EVENTQ);
        }
        if (sim.trace().enabled()) {
            sim.trace().emit(new SmmuEventTrace(sim.now(), name, id, sid, address, SmmuEventQueue.fateName(fate)));
        }
        return fate > 0;
    }

    // ---- MMIO ---------------------------------------------------------------------------------

    /** 32-bit register read at {@code offset} from SMMUv3_PAGE_0 (page 1 at {@link SmmuRegisters#PAGE1}). */
    public int readl(long offset) {
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

    /** 64-bit register read; a pair of 32-bit registers for the others. */
    public long readq(long offset) {
        if (is64BitRegister(offset)) {
            return read64(offset);
        }
        return (readl(offset) & 0xffffffffL) | ((long) readl(offset + 4) << 32);
    }

    /** 32-bit register write with the register's side effects (§6.3). */
    public void writel(long offset, int value) {
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
            case (int) EVENTQ_PROD: if (notGuarded(CR0_EVENTQEN)) { eventQueue.writeProd(value); } break;
            case (int) EVENTQ_CONS: eventQueue.writeCons(value); break;
            default: ignoredRegisterWrites++; break; // RO or unimplemented: WI
        }
    }

    /** 64-bit register write; split into two 32-bit writes for 32-bit register pairs. */
    public void writeq(long offset, long value) {
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
            ignoredRegisterWrites++;
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
            ignoredRegisterWrites++;
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
            // §6.3.9: the new CR0 takes effect no later than CR0ACK shows it.
            cr0ack = value;
            smmuEnabled = (value & CR0_SMMUEN) != 0;
            eventQueue.enabled = (value & CR0_EVENTQEN) != 0;
            commandQueue.enabled = (value & CR0_CMDQEN) != 0;
            commandQueue.kick();
        } else if (kind == ACK_IRQ_CTRL) {
            irqCtrlAck = value;
        } else if (kind == GBPA_DONE) {
            gbpaEffective = value;
            gbpa = value;
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

    // ---- collaborators' hooks -------------------------------------------------------------------

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

    void signalCmdSyncIrq() {
        sim.scheduleAfter(0, timer, IRQ_CMD_SYNC);
    }

    ConfigCache configCache() {
        return configCache;
    }

    Tlb tlb() {
        return tlb;
    }

    // ---- observation (reports and tests; not a software interface) ---------------------------------

    public EventCounters eventCounters() {
        return counters;
    }

    /** Transactions aborted by GBPA.ABORT while SMMUEN=0. */
    public long gbpaAborts() {
        return gbpaAborts;
    }

    /** Transactions bypassed by GBPA while SMMUEN=0. */
    public long gbpaBypasses() {
        return gbpaBypasses;
    }

    /** Writes ignored: guarded registers while enabled, GBPA without Update, RO/unimplemented offsets. */
    public long ignoredRegisterWrites() {
        return ignoredRegisterWrites;
    }

    public long commandsConsumed() {
        return commandQueue.consumed;
    }

    public long commandErrors() {
        return commandQueue.errors;
    }

    /** STEs that asked for stage 2 or nested translation (not modelled; aborted with C_BAD_STE). */
    public long unmodelledStage2Configs() {
        return fetcher.unmodelledStage2;
    }

    public boolean isConfigCached(int streamId) {
        return configCache.isCached(streamId);
    }

    public int tlbSize() {
        return tlb.size();
    }

    public long tlbHits() {
        return tlb.hits();
    }
}
