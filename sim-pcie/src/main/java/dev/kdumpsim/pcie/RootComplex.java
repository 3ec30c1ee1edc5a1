package dev.kdumpsim.pcie;

import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.MemoryRegion;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.Translation;
import dev.kdumpsim.core.TranslationOutcome;
import dev.kdumpsim.pcie.aer.ErrorMessage;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.tlp.CompletionStatus;
import dev.kdumpsim.pcie.tlp.TlpHeader;
import dev.kdumpsim.pcie.tlp.TlpType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The root complex: owns the hierarchy (root ports, switches, endpoints), routes config
 * requests by BDF, and carries every upstream memory request through the {@link Iommu} port to
 * {@link PhysicalMemory}, giving each exactly one {@link DmaFate}.
 *
 * <p>Upstream path, per request, allocation-free: bridges above the requester must forward it
 * (BME); the requester ID maps to a StreamID ({@link RequesterIdMap}); the IOMMU translates,
 * bypasses or aborts; a performed access is accounted in memory under the function's agent id.
 * A read then gets a Successful Completion, or for an abort the platform's answer
 * ({@link AbortedReadResponse}), built from the request's state (tag, length, attributes) and the
 * platform's Completer ID and TD policy. An aborted posted write is dropped.
 *
 * <p>Not modelled: peer-to-peer, ordering rules beyond per-function FIFO, credit flow control,
 * MPS/MRRS splitting, poisoned data.
 */
public final class RootComplex {

    private final Simulation sim;
    private final PhysicalMemory memory;
    private final Iommu iommu;
    private final RootComplexParams params;
    private final Translation translation = new Translation();
    private final PcieFunction[] byBdf = new PcieFunction[0x10000];
    private final List<PcieBridge> rootPorts = new ArrayList<>();
    private final List<EndpointFunction> endpointFunctions = new ArrayList<>();
    private DmaTransactionObserver[] observers = new DmaTransactionObserver[0];
    /** The transaction on the upstream path; fates decided at the function use their own instance. */
    private final DmaTransaction txn = new DmaTransaction();
    private final DmaTransaction txnAtFunction = new DmaTransaction();
    private ErrorMessageListener[] errorListeners = new ErrorMessageListener[0];
    private final long[] fateCounts = new long[DmaFate.values().length];
    private static final DmaFate[] FATES = DmaFate.values();
    private long issued;
    /** Interrupt-range writes go here when set (VT-d platforms); null: every write is DMA (the SMMU model). */
    private InterruptRequestHandler interruptRequests;

    public RootComplex(Simulation sim, PhysicalMemory memory, Iommu iommu, RootComplexParams params) {
        this.sim = sim;
        this.memory = memory;
        this.iommu = iommu;
        this.params = params;
    }

    public Simulation simulation() {
        return sim;
    }

    public PhysicalMemory memory() {
        return memory;
    }

    public RootComplexParams params() {
        return params;
    }

    // ---- topology ---------------------------------------------------------------------------

    /** Adds a root port at 00:{device}.0 whose link is bus {@code secondaryBus}. */
    public PcieBridge addRootPort(int device, int secondaryBus) {
        PcieBridge rp = new PcieBridge(this, PortType.ROOT_PORT, null, Bdf.of(0, device, 0), secondaryBus);
        rootPorts.add(rp);
        register(rp);
        return rp;
    }

    void register(PcieFunction f) {
        if (byBdf[f.bdf()] != null) {
            throw new IllegalStateException("BDF " + f.name() + " already in use");
        }
        byBdf[f.bdf()] = f;
        if (f instanceof EndpointFunction) {
            endpointFunctions.add((EndpointFunction) f);
        }
    }

    public List<PcieBridge> rootPorts() {
        return Collections.unmodifiableList(rootPorts);
    }

    /** Endpoint functions in creation order. */
    public List<EndpointFunction> endpointFunctions() {
        return Collections.unmodifiableList(endpointFunctions);
    }

    /** The function or bridge at {@code bdf}, or null. */
    public PcieFunction function(int bdf) {
        return byBdf[bdf & 0xffff];
    }

    /** Firmware-style setup: Memory Space and Bus Master Enable on every bridge (as the pcieport driver leaves them). */
    public void enableAllBridges() {
        for (PcieFunction f : byBdf) {
            if (f instanceof PcieBridge && f.isReady()) {
                int cmd = f.configRead(PciRegs.COMMAND, 2);
                f.configWrite(PciRegs.COMMAND, 2, cmd | PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER);
            }
        }
    }

    /**
     * Routes posted writes to the interrupt address range 0xFEEx_xxxx to {@code handler} instead of
     * the IOMMU's DMA port (VT-d 3.14); off by default, so SMMU platforms are unchanged.
     */
    public void setInterruptRequestHandler(InterruptRequestHandler handler) {
        this.interruptRequests = handler;
    }

    /** StreamID of a requester ID. */
    public int streamId(int requesterId) {
        return params.requesterIdMap().streamId(requesterId);
    }

    // ---- config routing ---------------------------------------------------------------------

    /**
     * Config read as software issues it: all ones if no function answers (Unsupported Request /
     * master abort), the path's link is down, or the function is in reset.
     */
    public int configRead(int bdf, int offset, int size) {
        PcieFunction f = byBdf[bdf & 0xffff];
        if (f == null || !reachable(f)) {
            return size == 4 ? 0xffffffff : (1 << (8 * size)) - 1;
        }
        return f.configRead(offset, size);
    }

    /** Config write as software issues it (dropped if nothing answers). */
    public void configWrite(int bdf, int offset, int size, int value) {
        PcieFunction f = byBdf[bdf & 0xffff];
        if (f != null && reachable(f)) {
            f.configWrite(offset, size, value);
        }
    }

    private static boolean reachable(PcieFunction f) {
        PcieBridge up = f instanceof EndpointFunction ? ((EndpointFunction) f).device().upstreamPort()
                : ((PcieBridge) f).parent();
        for (PcieBridge b = up; b != null; b = b.parent()) {
            if (!b.isLinkActive() || !b.isReady()) {
                return false;
            }
        }
        return true;
    }

    // ---- fates ------------------------------------------------------------------------------

    /**
     * Registers an observer of every transaction's fate (ten-argument form, kept for existing
     * callers; it is adapted onto {@link #addTransactionObserver}, so both kinds are called in
     * registration order).
     */
    public void addObserver(TransactionObserver o) {
        addTransactionObserver(t -> o.onTransaction(t.timeNs(), t.requesterId(), t.streamId(), t.isWrite(), t.iova(),
                t.length(), t.fate(), t.physicalAddress(), t.region(), t.eventId()));
    }

    /** Registers an observer that gets each transaction as one {@link DmaTransaction} record. */
    public void addTransactionObserver(DmaTransactionObserver o) {
        observers = Arrays.copyOf(observers, observers.length + 1);
        observers[observers.length - 1] = o;
    }

    /** Transactions devices issued (or attempted and had blocked). */
    public long issuedCount() {
        return issued;
    }

    public long fateCount(DmaFate fate) {
        return fateCounts[fate.ordinal()];
    }

    /** Sum of all fates recorded. */
    public long fatedCount() {
        long s = 0;
        for (long c : fateCounts) {
            s += c;
        }
        return s;
    }

    /** Issued transactions still on their way (issued minus fated). */
    public long inFlightCount() {
        return issued - fatedCount();
    }

    void countIssued() {
        issued++;
    }

    /** A fate decided at the function (BME blocked, reset/link-down discard): no completion follows. */
    void recordAtFunction(EndpointFunction f, boolean write, long address, int length, DmaFate fate) {
        if (fate == DmaFate.BLOCKED_BME) {
            issued++; // attempted: the attempt itself is the transaction whose fate is "blocked"
        }
        fateCounts[fate.ordinal()]++;
        if (observers.length != 0) {
            int rid = f.bdf();
            publish(txnAtFunction.begin(rid, streamId(rid), write, address, length).decided(fate, 0, null, sim.now()));
        }
    }

    /** Counts the fate of the transaction in {@link #txn} and hands it to the observers. */
    private void record(DmaFate fate, int eventId, CompletionStatus completion) {
        fateCounts[fate.ordinal()]++;
        if (observers.length != 0) {
            publish(txn.decided(fate, eventId, completion, sim.now()));
        }
    }

    private void publish(DmaTransaction t) {
        for (DmaTransactionObserver o : observers) {
            o.onDmaTransaction(t);
        }
    }

    // ---- error Messages ---------------------------------------------------------------------

    /**
     * Listens for ERR_COR/ERR_NONFATAL/ERR_FATAL Messages arriving at any Root Port. Without
     * listeners the Root Ports still log them in their registers.
     */
    public void addErrorMessageListener(ErrorMessageListener l) {
        errorListeners = Arrays.copyOf(errorListeners, errorListeners.length + 1);
        errorListeners[errorListeners.length - 1] = l;
    }

    /** A Message from {@code requesterId} enters {@code port} from its secondary side and travels up. */
    void errorMessage(PcieBridge port, int requesterId, ErrorMessage m) {
        PcieTrace.errorMessage(sim, requesterId, m);
        for (PcieBridge b = port; b != null; b = b.parent()) {
            if (b.parent() == null) {
                b.receiveErrorMessage(m, requesterId);
                return;
            }
            if (!b.forwardsErrorMessage(m)) {
                return;
            }
        }
    }

    void deliverErrorMessage(PcieBridge rootPort, ErrorMessage m, int requesterId, boolean interruptEnabled) {
        for (ErrorMessageListener l : errorListeners) {
            l.onErrorMessage(rootPort, m, requesterId, interruptEnabled);
        }
    }

    // ---- the upstream path ------------------------------------------------------------------

    /** A request from {@code f} arrives at the root complex (tag < 0 for posted writes). */
    void upstreamRequest(EndpointFunction f, boolean write, long address, int length, int tag, long pattern) {
        int rid = f.bdf();
        int sid = streamId(rid);
        txn.begin(rid, sid, write, address, length);
        long linkNs = f.params().upstreamLatencyNs();
        for (PcieBridge b = f.device().upstreamPort(); b != null; b = b.parent()) {
            if (!b.forwardsUpstream()) {
                // the bridge completes a request it cannot forward with UR (PCIe r4.0 §7.5.1.1.3)
                record(DmaFate.BLOCKED_BME, 0, write ? null : CompletionStatus.UR);
                if (!write) {
                    f.deliverCompletion(linkNs, tag, CompletionStatus.UR, false, b.bdf());
                }
                return;
            }
        }
        if (write && interruptRequests != null && InterruptRequestHandler.isInterruptAddress(address)) {
            interruptRequest(sid, address, pattern);
            return;
        }
        Translation t = iommu.translate(sid, address, write, length, translation);
        TranslationOutcome o = t.outcome();
        if (o != TranslationOutcome.ABORTED) {
            long pa = t.physicalAddress();
            MemoryRegion r = write ? memory.dmaWrite(f.agentId(), pa, length, pattern)
                    : memory.dmaRead(f.agentId(), pa, length);
            txn.accessed(pa, r);
            record(o == TranslationOutcome.TRANSLATED ? DmaFate.TRANSLATED : DmaFate.BYPASSED, 0,
                    write ? null : CompletionStatus.SC);
            if (!write) {
                f.deliverCompletion(t.latencyNs() + params.completionLatencyNs() + linkNs, tag, CompletionStatus.SC, false,
                        params.completerId());
            }
            return;
        }
        int ev = t.eventId();
        AbortedReadResponse resp = params.abortedReadResponse();
        CompletionStatus st = write || resp == AbortedReadResponse.NO_COMPLETION ? null
                : resp == AbortedReadResponse.COMPLETER_ABORT ? CompletionStatus.CA : CompletionStatus.UR;
        record(ev != Translation.NO_EVENT && t.eventRecorded() ? DmaFate.ABORTED_WITH_EVENT : DmaFate.ABORTED_SILENT, ev,
                st);
        if (st == null) {
            return; // an aborted posted write is dropped; an unanswered read ends in Completion Timeout
        }
        if (params.logAbortsAtRootPort()) {
            logAtRootPort(f, st, address, length, tag);
        }
        f.deliverCompletion(t.latencyNs() + params.completionLatencyNs() + linkNs, tag, st,
                params.abortCompletionSetsTd(), params.completerId());
    }

    /**
     * An MSI write: remapped or passed through (performed at the interrupt controller, no memory
     * accessed) or blocked (dropped, with the remapping fault as event).
     */
    private void interruptRequest(int sid, long address, long data) {
        Translation t = interruptRequests.interruptRequest(sid, address, (int) data, translation);
        TranslationOutcome o = t.outcome();
        if (o != TranslationOutcome.ABORTED) {
            txn.accessed(t.physicalAddress(), null);
            record(o == TranslationOutcome.TRANSLATED ? DmaFate.TRANSLATED : DmaFate.BYPASSED, 0, null);
            return;
        }
        int ev = t.eventId();
        record(ev != Translation.NO_EVENT && t.eventRecorded() ? DmaFate.ABORTED_WITH_EVENT : DmaFate.ABORTED_SILENT, ev,
                null);
    }

    /** The root port above the requester logs CA/UR as completer, with the request's header (error path). */
    private void logAtRootPort(EndpointFunction f, CompletionStatus st, long address, int length, int tag) {
        PcieBridge rp = f.device().upstreamPort();
        while (rp.parent() != null) {
            rp = rp.parent();
        }
        boolean four = (address >>> 32) != 0;
        int lengthDw = (int) (((address & 3) + length + 3) >>> 2);
        int dw0 = TlpHeader.dw0(TlpType.MRd, four, 0, false, false, f.params().requestAttr(), 0, lengthDw);
        int dw1 = (f.bdf() << 16) | ((tag & 0xff) << 8) | (lengthDw == 1 ? 0 : 0xf0) | 0xf;
        int dw2 = four ? (int) (address >>> 32) : (int) address & ~3;
        int dw3 = four ? (int) address & ~3 : 0;
        rp.logUncorrectable(st == CompletionStatus.CA ? PciRegs.UNC_COMP_ABORT : PciRegs.UNC_UNSUP, true, dw0, dw1, dw2, dw3);
    }
}
