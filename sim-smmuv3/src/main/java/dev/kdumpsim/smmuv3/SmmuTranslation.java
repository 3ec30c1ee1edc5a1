package dev.kdumpsim.smmuv3;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;

/**
 * The SMMUv3 transaction process (IHI0070 §3, §6.3.9.6), as gem5 keeps it apart from the
 * register file ({@code smmu_v3_transl.cc} beside {@code smmu_v3.cc}): GBPA while SMMUEN=0;
 * otherwise configuration lookup (cached, else {@link ConfigFetcher}: stream table, STE, CD),
 * the TLB, the stage-1 walk ({@link Stage1Walker}), and for a fault the event record offered to
 * the event queue (§7.3). Allocation-free; every structure is read from {@link PhysicalMemory}.
 *
 * <p>The configuration cache and the TLB change only through commands (§16.2): a stale entry is
 * used until software invalidates it. Not modelled here: stage 2, SubstreamIDs, ATS, stall mode,
 * PRI (see {@link SmmuV3}).
 */
final class SmmuTranslation {

    private final String name;
    private final Simulation sim;
    private final SmmuParameters params;
    private final SmmuRegisterFile regs;
    private final SmmuEventQueue eventQueue;
    final ConfigCache configCache = new ConfigCache();
    final Tlb tlb;
    final ConfigFetcher fetcher;
    private final Stage1Walker walker;
    private final StreamConfig scratch = new StreamConfig();

    long gbpaAborts;
    long gbpaBypasses;

    SmmuTranslation(String name, Simulation sim, PhysicalMemory memory, int agent, SmmuParameters params,
            SmmuRegisterFile regs, SmmuEventQueue eventQueue) {
        this.name = name;
        this.sim = sim;
        this.params = params;
        this.regs = regs;
        this.eventQueue = eventQueue;
        this.tlb = new Tlb(params.tlbEntries());
        this.fetcher = new ConfigFetcher(memory, agent, params);
        this.walker = new Stage1Walker(memory, agent);
    }

    Translation translate(int streamId, long address, boolean write, Translation out) {
        final long hit = params.tlbHitLatencyNs();
        if (!regs.smmuEnabled) {
            // §6.3.9.6: SMMUEN=0 -> GBPA decides; no stream table read, no event.
            if (regs.bypassAborts()) {
                gbpaAborts++;
                return out.aborted(Translation.NO_EVENT, false, hit);
            }
            gbpaBypasses++;
            return out.bypassed(address, hit);
        }
        long latency = hit;
        StreamConfig c = configCache.lookup(streamId);
        if (c == null) {
            int ev = fetcher.fetch(streamId, regs.strtabBase, regs.strtabBaseCfg, scratch);
            latency += fetcher.reads * params.tableFetchLatencyNs();
            if (ev != 0) {
                if (ev == EventId.C_BAD_STREAMID && !regs.recordInvalidStreamIds()) {
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
        if (fate == SmmuEventQueue.WRITTEN_FIRST) {
            regs.eventQueueBecameNonEmpty();
        }
        if (fate > 0) {
            regs.eventQueueWritten();
        }
        if (sim.trace().enabled()) {
            sim.trace().emit(new SmmuEventTrace(sim.now(), name, id, sid, address, SmmuEventQueue.fateName(fate)));
        }
        return fate > 0;
    }
}
