package dev.kdumpsim.vtd;

import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;

/**
 * One Intel VT-d DMA-remapping hardware unit (a DRHD, Linux's {@code struct intel_iommu}) as
 * hardware: a register file reached only through MMIO ({@link #readl}/{@link #writel}/{@link #readq}/
 * {@link #writeq} at the offsets of {@link VtdRegisters}) and structures (root, context, PASID
 * tables, second-level page tables, the invalidation queue, the interrupt-remapping table) read
 * from and written to {@link PhysicalMemory}. Implements the {@link Iommu} port for DMA and
 * {@link InterruptRemapper} for MSI writes.
 *
 * <h2>Modelled</h2>
 * <ul>
 * <li>Registers (10.4): VER, CAP and ECAP derived from {@link VtdParameters}; the GCMD/GSTS
 *     handshake with latency for TE, SRTP, QIE, IRE, SIRTP, CFI; RTADDR with TTM legacy/scalable;
 *     register-based invalidation through CCMD and IOTLB/IVA (6.5.1); FSTS, FECTL, the FRCD fault
 *     recording registers; IQA/IQH/IQT, ICS/IECTL; IRTA. See {@link VtdRegisterFile}.</li>
 * <li>DMA remapping of untranslated requests without PASID: TE=0 -> passed through; else root ->
 *     context (legacy, 3.4.2) or root -> scalable context -> PASID directory -> PASID entry of
 *     RID_PASID (3.4.3), then a 3- or 4-level second-level walk (3.6) or pass-through. Every fault
 *     condition of {@link ContextFetcher} and {@link SecondLevelWalker}, plus the AGAW check (4h,
 *     SGN.4 83h).</li>
 * <li>Context cache (with the PASID cache folded in), IOTLB and interrupt entry cache changed only
 *     by invalidation ({@link TranslationCaches}); stale entries are used until invalidated.</li>
 * <li>Primary fault logging with PFO, FRI, FPD and the fault event ({@link FaultRecorder}); the
 *     invalidation queue with wait descriptors ({@link InvalidationQueue}); interrupt remapping
 *     ({@link InterruptRemapping}).</li>
 * </ul>
 * <h2>Not modelled</h2>
 * Requests with PASID, first-level and nested translation (ECAP.FLTS/NEST = 0, such PASID entries
 * fault SPT.4); translated requests, ATS, device-TLBs and their invalidation (ECAP.DT = 0); page
 * requests (PRS); advanced fault logging (CAP.AFL = 0); protected memory regions (PMR); caching mode
 * (CAP.CM = 0: not-present entries are never cached); write-buffer flushing (CAP.RWBF = 0); posted
 * interrupts (CAP.PI = 0); snoop control, memory types and A/D bits; 5-level tables; abort-DMA mode
 * (TTM 11b faults 30h here); errors reading structures (memory never fails, so the access-error
 * fault reasons do not occur); the interrupt-address-range check on translation outputs; MSI
 * generation by the unit itself (events are {@link VtdInterruptListener} callbacks); the request
 * size (an access crossing a 4 KiB page is translated by its first address); timing beyond fixed
 * latencies.
 *
 * <p>A faulted request comes back as {@code out.aborted(faultReason, recorded, latency)}, with the
 * {@link FaultReason} code as the event id and {@code recorded} telling whether an FRCD took it.
 * The caller answers a faulted read with an Unsupported Request completion and drops a faulted
 * write, as Intel root complexes do (2nd Gen Core datasheet vol. 1 3.1.4: "PEG/DMI interfaces
 * return unsupported request status"); sim-pcie's root complex drops every aborted write and
 * answers aborted reads as its {@code AbortedReadResponse} parameter says ({@code
 * UNSUPPORTED_REQUEST} for a VT-d platform). Writes to 0xFEEx_xxxx are interrupt requests: the
 * root complex should hand them to {@link #remapInterrupt} instead of {@link #translate}.
 */
public final class DmarUnit implements Iommu, InterruptRemapper {

    private final String name;
    private final Simulation sim;
    private final VtdParameters params;
    private final TranslationCaches caches;
    private final FaultRecorder faults;
    private final InvalidationQueue queue;
    private final InterruptRemapping interrupts;
    private final VtdRegisterFile regs;
    private final VtdEventDelivery delivery;
    private final ContextFetcher fetcher;
    private final SecondLevelWalker walker;
    private final DeviceContext scratch = new DeviceContext();
    private final long[] faultsByReason = new long[256];
    private final long fetchNs;
    private final long hitNs;
    private long passedThroughDisabled;
    private long passedThroughContext;
    private long translated;

    /**
     * @param name instance name, used as the memory agent name and in traces (e.g. "dmar0")
     */
    public DmarUnit(String name, Simulation sim, PhysicalMemory memory, VtdParameters params) {
        this.name = name;
        this.sim = sim;
        this.params = params;
        int agent = memory.registerAgent(name);
        this.caches = new TranslationCaches(params.iotlbEntries());
        this.delivery = new VtdEventDelivery(sim);
        this.faults = new FaultRecorder(params.faultRecordCount(), params.collapseFaultsPerSource(), delivery);
        this.queue = new InvalidationQueue(sim, memory, agent, params, caches, faults, delivery);
        this.interrupts = new InterruptRemapping(memory, agent, caches, faults);
        this.regs = new VtdRegisterFile(name, sim, params, caches, faults, queue, interrupts);
        this.fetcher = new ContextFetcher(memory, agent, params);
        this.walker = new SecondLevelWalker(memory, agent, params);
        this.fetchNs = params.tableFetchLatencyNs();
        this.hitNs = params.iotlbHitLatencyNs();
    }

    public String name() {
        return name;
    }

    public VtdParameters parameters() {
        return params;
    }

    public void addInterruptListener(VtdInterruptListener listener) {
        delivery.addListener(listener);
    }

    // ---- the Iommu port -------------------------------------------------------------------------

    /**
     * Remaps one untranslated DMA request without PASID.
     *
     * @param streamId the requester's source-id, bus &lt;&lt; 8 | devfn (3.4.1)
     * @return {@code out}: translated, bypassed (TE=0 or a pass-through entry) or aborted with the
     *     fault reason as event id; the caller completes an aborted read with UR and drops an
     *     aborted write
     */
    @Override
    public Translation translate(int streamId, long address, boolean write, int size, Translation out) {
        if ((regs.gsts & VtdRegisters.GSTS_TES) == 0) {
            passedThroughDisabled++;
            return out.bypassed(address, 0); // 3.x: with TE clear, requests are not remapped
        }
        final int sid = streamId & 0xffff;
        long latency = hitNs;
        final DeviceContext c = scratch;
        final EntryCache cc = caches.context;
        if (cc.lookup(sid)) {
            c.unpack(cc.a(sid), cc.b(sid));
        } else {
            int fr = fetcher.fetch(sid, regs.rootTable, regs.ttm, c);
            latency += fetcher.reads * fetchNs;
            if (fr != 0) {
                return fault(sid, fr, address, write, c.faultProcessingDisable, latency, out);
            }
            cc.put(sid, c.secondLevelTable, c.packB());
        }
        if (c.passThrough) {
            passedThroughContext++;
            return out.bypassed(address, latency);
        }
        if ((address >>> Math.min(params.mgawBits(), c.agawBits)) != 0) {
            int fr = c.scalable ? FaultReason.SM_ADDRESS_BEYOND_MAX : FaultReason.ADDRESS_BEYOND_MGAW;
            return fault(sid, fr, address, write, c.faultProcessingDisable, latency, out);
        }
        long key = Iotlb.key(c.domainId, address);
        long v = caches.iotlb.lookup(key);
        if (v != -1) {
            if ((v & (write ? Iotlb.WRITE : Iotlb.READ)) == 0) {
                return fault(sid, permissionFault(c.scalable, write), address, write, c.faultProcessingDisable,
                        latency, out);
            }
            translated++;
            return out.translated((v & ~0xfffL) | (address & 0xfff), latency);
        }
        int fr = walker.walk(c.secondLevelTable, c.agawBits, address, write, c.scalable);
        latency += walker.reads * fetchNs;
        if (fr != 0) {
            return fault(sid, fr, address, write, c.faultProcessingDisable, latency, out);
        }
        caches.iotlb.insert(key, walker.outPage | (walker.outRead ? Iotlb.READ : 0) | (walker.outWrite ? Iotlb.WRITE : 0));
        translated++;
        return out.translated(walker.outPage | (address & 0xfff), latency);
    }

    private static int permissionFault(boolean scalable, boolean write) {
        if (scalable) {
            return write ? FaultReason.SM_WRITE_ACCESS_DENIED : FaultReason.SM_READ_ACCESS_DENIED;
        }
        return write ? FaultReason.WRITE_ACCESS_DENIED : FaultReason.READ_ACCESS_DENIED;
    }

    private Translation fault(int sid, int reason, long address, boolean write, boolean fpd, long latency,
            Translation out) {
        faultsByReason[reason]++;
        boolean recorded = faults.report(sid, reason, address, write, fpd);
        if (sim.trace().enabled()) {
            sim.trace().emit(new VtdFaultTrace(sim.now(), name, reason, sid, address, write, recorded));
        }
        return out.aborted(reason, recorded, latency);
    }

    // ---- interrupt remapping ---------------------------------------------------------------------

    @Override
    public RemappedInterrupt remapInterrupt(int sourceId, long address, int data, RemappedInterrupt out) {
        interrupts.remap(sourceId, address, data, out);
        if (out.outcome() == RemappedInterrupt.Outcome.BLOCKED) {
            faultsByReason[out.faultReason()]++;
            if (sim.trace().enabled()) {
                sim.trace().emit(new VtdFaultTrace(sim.now(), name, out.faultReason(), sourceId & 0xffff,
                        address, true, out.faultRecorded()));
            }
        }
        return out;
    }

    // ---- MMIO -----------------------------------------------------------------------------------

    /** 32-bit register read at {@code offset} from the unit's register base. */
    public int readl(long offset) {
        return regs.readl(offset);
    }

    /** 64-bit register read; a pair of 32-bit registers for the others. */
    public long readq(long offset) {
        return regs.readq(offset);
    }

    /** 32-bit register write with its side effects (10.4). */
    public void writel(long offset, int value) {
        regs.writel(offset, value);
    }

    /** 64-bit register write; two 32-bit writes for a pair of 32-bit registers. */
    public void writeq(long offset, long value) {
        regs.writeq(offset, value);
    }

    // ---- observation (reports and tests; not a software interface) --------------------------------

    /** Faults raised with {@code reason}, recorded or not (DMA and interrupt). */
    public long faultCount(int reason) {
        return faultsByReason[reason & 0xff];
    }

    public long faultsRecorded() {
        return faults.recorded;
    }

    public long faultsSuppressedByFpd() {
        return faults.suppressedByFpd;
    }

    /** Faults lost because PFO was set or the next FRCD was still full. */
    public long faultsLostToOverflow() {
        return faults.lostToOverflow;
    }

    public long faultsCollapsed() {
        return faults.collapsed;
    }

    public long faultEvents() {
        return faults.events;
    }

    /** Requests passed through because GSTS.TES was 0. */
    public long passedThroughDisabled() {
        return passedThroughDisabled;
    }

    /** Requests passed through by a pass-through context or PASID entry. */
    public long passedThroughContext() {
        return passedThroughContext;
    }

    public long translatedRequests() {
        return translated;
    }

    public long descriptorsConsumed() {
        return queue.consumed;
    }

    public long invalidationQueueErrors() {
        return queue.errors;
    }

    public long interruptsRemapped() {
        return interrupts.remapped;
    }

    public long interruptsBlocked() {
        return interrupts.blocked;
    }

    /** Writes to read-only or unimplemented registers. */
    public long ignoredRegisterWrites() {
        return regs.ignoredWrites;
    }

    /** CCMD/IOTLB register invalidations issued while queued invalidation was enabled (ignored). */
    public long ignoredRegisterInvalidations() {
        return regs.registerInvalidationsIgnored;
    }

    public boolean isContextCached(int sourceId) {
        return caches.context.contains(sourceId & 0xffff);
    }

    public boolean isInterruptEntryCached(int index) {
        return caches.interruptEntries.contains(index & 0xffff);
    }

    public int iotlbSize() {
        return caches.iotlb.size();
    }

    public long iotlbHits() {
        return caches.iotlb.hits();
    }

    public long contextCacheHits() {
        return caches.context.hits();
    }
}
