package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;

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
 *
 * <h2>Structure</h2>
 * This class is the public face and the wiring; the register file is {@link SmmuRegisterFile},
 * the transaction process {@link SmmuTranslation} (as gem5 splits smmu_v3.cc from
 * smmu_v3_transl.cc), the queues {@link SmmuCommandQueue} and {@link SmmuEventQueue}.
 */
public final class SmmuV3 implements Iommu {

    private final String name;
    private final SmmuParameters params;
    private final EventCounters counters = new EventCounters();
    private final SmmuEventQueue eventQueue;
    private final SmmuCommandQueue commandQueue;
    private final SmmuRegisterFile regs;
    private final SmmuTranslation transl;

    /**
     * @param name instance name, used as the memory agent name and in traces (e.g. "arm-smmu-v3.0.auto")
     */
    public SmmuV3(String name, Simulation sim, PhysicalMemory memory, SmmuParameters params) {
        this.name = name;
        this.params = params;
        int agent = memory.registerAgent(name);
        this.eventQueue = new SmmuEventQueue(memory, agent, params, counters);
        this.commandQueue = new SmmuCommandQueue(sim, memory, agent, params, this);
        this.regs = new SmmuRegisterFile(sim, params, commandQueue, eventQueue, new SmmuStateTrace(sim, name));
        this.transl = new SmmuTranslation(name, sim, memory, agent, params, regs, eventQueue);
    }

    public String name() {
        return name;
    }

    public SmmuParameters parameters() {
        return params;
    }

    public void addIrqListener(SmmuIrqListener listener) {
        regs.addIrqListener(listener);
    }

    // ---- the Iommu port ---------------------------------------------------------------------

    @Override
    public Translation translate(int streamId, long address, boolean write, int size, Translation out) {
        return transl.translate(streamId, address, write, out);
    }

    // ---- MMIO ---------------------------------------------------------------------------------

    /** 32-bit register read at {@code offset} from SMMUv3_PAGE_0 (page 1 at {@link SmmuRegisters#PAGE1}). */
    public int readl(long offset) {
        return regs.readl(offset);
    }

    /** 64-bit register read; a pair of 32-bit registers for the others. */
    public long readq(long offset) {
        return regs.readq(offset);
    }

    /** 32-bit register write with the register's side effects (§6.3). */
    public void writel(long offset, int value) {
        regs.writel(offset, value);
    }

    /** 64-bit register write; split into two 32-bit writes for 32-bit register pairs. */
    public void writeq(long offset, long value) {
        regs.writeq(offset, value);
    }

    // ---- collaborators' hooks -------------------------------------------------------------------

    boolean cmdqErrorActive() {
        return regs.cmdqErrorActive();
    }

    void raiseGerror(int bit) {
        regs.raiseGerror(bit);
    }

    void signalCmdSyncIrq() {
        regs.signalCmdSyncIrq();
    }

    ConfigCache configCache() {
        return transl.configCache;
    }

    Tlb tlb() {
        return transl.tlb;
    }

    // ---- observation (reports and tests; not a software interface) ---------------------------------

    public EventCounters eventCounters() {
        return counters;
    }

    /** Transactions aborted by GBPA.ABORT while SMMUEN=0. */
    public long gbpaAborts() {
        return transl.gbpaAborts;
    }

    /** Transactions bypassed by GBPA while SMMUEN=0. */
    public long gbpaBypasses() {
        return transl.gbpaBypasses;
    }

    /** Writes ignored: guarded registers while enabled, GBPA without Update, RO/unimplemented offsets. */
    public long ignoredRegisterWrites() {
        return regs.ignoredWrites;
    }

    public long commandsConsumed() {
        return commandQueue.consumed;
    }

    public long commandErrors() {
        return commandQueue.errors;
    }

    /** STEs that asked for stage 2 or nested translation (not modelled; aborted with C_BAD_STE). */
    public long unmodelledStage2Configs() {
        return transl.fetcher.unmodelledStage2;
    }

    public boolean isConfigCached(int streamId) {
        return transl.configCache.isCached(streamId);
    }

    public int tlbSize() {
        return transl.tlb.size();
    }

    public long tlbHits() {
        return transl.tlb.hits();
    }
}
