package dev.kdumpsim.pcie;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.pcie.aer.AerCapability;
import dev.kdumpsim.pcie.aer.ErrorMessage;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.CompletionRing;
import dev.kdumpsim.pcie.dma.DescriptorRing;
import dev.kdumpsim.pcie.dma.DmaEngine;
import dev.kdumpsim.pcie.dma.DmaPort;
import dev.kdumpsim.pcie.dma.MsiMessage;
import dev.kdumpsim.pcie.dma.ReceiveBufferRing;
import dev.kdumpsim.pcie.tlp.CompletionStatus;

/**
 * One function of an endpoint: Type 0 config space with PCIe and AER capabilities, a
 * {@link DmaEngine} the driver programs, the requests in flight towards the root complex, and
 * the completions coming back. Its concerns live in package-private parts: the outstanding
 * reads and their Tags ({@link TagTable}, one completion timer per function serving them all),
 * what it does when a request fails ({@link ErrorReaction}), and its enables and resets
 * ({@link FunctionResetState}).
 *
 * <p>Driver view: config writes (Command MSE/BME, DevCtl Initiate FLR, AER clears) through
 * {@link RootComplex#configWrite}, and the device-programming methods below, which stand for the
 * driver writing BARs and doorbells. They return false and do nothing while the function is
 * wedged, in reset, or has Memory Space disabled (its BARs do not decode).
 *
 * <p>Not modelled: data contents of reads, MSI-X tables, ATS/PRI, extended tags, multiple
 * header recording, split completions (one completion per read).
 */
public final class EndpointFunction extends PcieFunction implements DmaPort {

    private final EndpointDevice device;
    private final Simulation sim;
    private final EndpointParams params;
    private final int agent;
    private final DmaEngine engine;

    private final UpstreamQueue upstream;
    private final TagTable tags;
    private final ErrorReaction errors;
    private final FunctionResetState resetState;
    private long timeoutToken = -1;

    private final EventHandler completionArrival = this::onCompletion;
    private final EventHandler completionTimeout = this::onCompletionTimeout;

    EndpointFunction(RootComplex rc, EndpointDevice device, int bdf, EndpointParams params) {
        super(rc, bdf);
        this.device = device;
        this.sim = rc.simulation();
        this.params = params;
        this.agent = rc.memory().registerAgent(params.name() + " " + Bdf.format(bdf));
        this.engine = new DmaEngine(sim, this, ((long) bdf) << 40);
        this.upstream = new UpstreamQueue(rc, this);
        this.tags = new TagTable(params.tags());
        this.errors = new ErrorReaction(this, params, config, engine);
        this.resetState = new FunctionResetState(sim, params, config);
        defineCommonHeader(params.vendorId(), params.deviceId(),
                params.functions() > 1 ? PciRegs.HEADER_TYPE_MULTI_FUNCTION : 0, PciRegs.EXP_TYPE_ENDPOINT,
                params.flrCapable() ? PciRegs.EXP_DEVCAP_FLR : 0);
        // BAR0: 64-bit memory BAR of 16 KiB (low 14 bits read-only), cleared by any reset
        config.define(PciRegs.BASE_ADDRESS_0, 4, 0x4, 0xffffc000, 0, 0);
        config.define(PciRegs.BASE_ADDRESS_1, 4, 0, 0xffffffff, 0, 0);
        EndpointIdentity id = params.identity();
        config.define(PciRegs.REVISION_ID, 4, (id.classCode() << 8) | id.revisionId(), 0, 0, 0);
        config.define(PciRegs.SUBSYSTEM_VENDOR_ID, 4, (id.subsystemId() << 16) | id.subsystemVendorId(), 0, 0, 0);
        CompletionTimeoutControl cto = params.completionTimeout();
        config.define(PciRegs.EXP_DEVCAP2, 4, cto.devcap2Bits(), 0, 0, 0);
        // DevCtl2 resets to 0000b (FLR and hot reset restore that); firmware's value is written over it
        config.define(PciRegs.EXP_DEVCTL2, 2, 0, cto.devctl2WritableMask(), 0, 0);
        config.hwPut(PciRegs.EXP_DEVCTL2, 2, cto.devctl2InitialValue());
        AerCapability.define(config, params.uncorrectableSeverity(), params.uncorrectableMask(),
                params.correctableMask(), id.hasSerialNumber() ? PciRegs.DSN_CAP : 0);
        if (id.hasSerialNumber()) {
            config.define(PciRegs.DSN_CAP, 4, (1 << 16) | PciRegs.EXT_CAP_ID_DSN, 0, 0, 0);
            config.define(PciRegs.DSN_LOWER, 4, (int) id.serialNumber(), 0, 0, 0);
            config.define(PciRegs.DSN_UPPER, 4, (int) (id.serialNumber() >>> 32), 0, 0, 0);
        }
    }

    // ---- identity and state --------------------------------------------------------------

    public EndpointDevice device() {
        return device;
    }

    /** Function number within its device. */
    public int functionNumber() {
        return Bdf.function(bdf);
    }

    /** PhysicalMemory agent id of this function's DMA. */
    public int agentId() {
        return agent;
    }

    public EndpointParams params() {
        return params;
    }

    @Override
    public boolean isReady() {
        return resetState.isReady();
    }

    /** An FLR is running (DevCtl bit 15 written, completion not yet reached). */
    public boolean isFlrInProgress() {
        return resetState.flrInProgress();
    }

    /** Wedged by errors: ignores re-programming until FLR or hot reset. */
    public boolean isWedged() {
        return errors.wedged();
    }

    /** Errors counted towards wedging since the last reset. */
    public int errorCount() {
        return errors.errorCount();
    }

    /** Non-posted requests awaiting completion (DevSta Transactions Pending = this > 0). */
    public int outstandingReads() {
        return tags.outstanding();
    }

    public long completionTimeouts() {
        return errors.completionTimeouts();
    }

    public long abortedCompletions() {
        return errors.abortedCompletions();
    }

    /**
     * The Completion Timeout a read issued now gets, from Device Control 2 as software left it
     * (PCIe r5.0 §7.5.3.16, see {@link CompletionTimeoutControl}); {@code Long.MAX_VALUE} when disabled.
     */
    public long completionTimeoutNs() {
        return params.completionTimeout().timeoutNs(config.read(PciRegs.EXP_DEVCTL2, 2), params.completionTimeoutNs());
    }

    /** Requests issued but not yet at the root complex. */
    public int inFlight() {
        return upstream.size();
    }

    /** Whether any DMA work is still programmed. */
    public boolean isDmaActive() {
        return engine.isActive();
    }

    /** Receive buffers the device still holds. */
    public int postedBuffers() {
        return engine.postedBuffers();
    }

    // ---- device programming (the driver's BAR/doorbell writes) ---------------------------

    private boolean programmable() {
        return isReady() && !errors.wedged() && resetState.memorySpaceEnabled();
    }

    /** Starts descriptor polling; false if the device ignores it (wedged, in reset, MSE=0). */
    public boolean programDescriptorRing(DescriptorRing ring) {
        if (!programmable()) {
            return false;
        }
        engine.programDescriptorRing(ring);
        return true;
    }

    /** Hands the device receive buffers to fill. */
    public boolean postReceiveBuffers(ReceiveBufferRing ring) {
        if (!programmable()) {
            return false;
        }
        engine.postReceiveBuffers(ring);
        return true;
    }

    /** Posts {@code count} more receive buffers. */
    public boolean refillReceiveBuffers(int count) {
        if (!programmable()) {
            return false;
        }
        engine.refillReceiveBuffers(count);
        return true;
    }

    public boolean programCompletionRing(CompletionRing ring) {
        if (!programmable()) {
            return false;
        }
        engine.programCompletionRing(ring);
        return true;
    }

    public boolean programMsi(MsiMessage msi) {
        if (!programmable()) {
            return false;
        }
        engine.programMsi(msi);
        return true;
    }

    /**
     * The driver submits a command whose data phase the device runs itself: {@code count} reads of
     * {@code chunkBytes} from {@code address}, one every {@code spacingNs} ({@link ReadCommand});
     * {@code done} gets the command's status. False at once if the device ignores commands
     * (wedged, in reset, MSE=0).
     */
    public boolean submitReadCommand(long address, int chunkBytes, int count, long spacingNs,
            java.util.function.Consumer<Boolean> done) {
        if (!programmable()) {
            return false;
        }
        new ReadCommand(this, address, chunkBytes, count, spacingNs, done).start();
        return true;
    }

    Simulation simulation() {
        return sim;
    }

    /** The driver stops the device's DMA engines (its shutdown/remove path). */
    public boolean stopDma() {
        if (!programmable()) {
            return false;
        }
        engine.clear();
        return true;
    }

    // ---- DmaPort: requests leaving the function -------------------------------------------

    @Override
    public int issueRead(long address, int length) {
        if (!busMasterEnabled()) {
            rc.recordAtFunction(this, false, address, length, DmaFate.BLOCKED_BME);
            return BLOCKED_BME;
        }
        long timeout = completionTimeoutNs();
        long deadline = timeout == Long.MAX_VALUE ? Long.MAX_VALUE : sim.now() + timeout;
        int tag = tags.allocate(address, length, deadline);
        if (tag < 0) {
            return NO_TAG;
        }
        if (deadline != Long.MAX_VALUE) {
            if (!sim.isPending(timeoutToken)) {
                timeoutToken = sim.scheduleAt(deadline, completionTimeout, 0);
            } else if (deadline < sim.timeOf(timeoutToken)) {
                sim.reschedule(timeoutToken, deadline); // DevCtl2 was set to a shorter range meanwhile
            }
        }
        rc.countIssued();
        upstream.enqueue(address, length, tag, 0);
        return ISSUED;
    }

    @Override
    public int issueWrite(long address, int length, long pattern) {
        if (!busMasterEnabled()) {
            rc.recordAtFunction(this, true, address, length, DmaFate.BLOCKED_BME);
            return BLOCKED_BME;
        }
        rc.countIssued();
        upstream.enqueue(address, length, -1, pattern);
        return ISSUED;
    }

    // ---- completions ----------------------------------------------------------------------

    /** Packs a completion for {@link #deliverCompletion}: tag, status, TD, completer, issue sequence. */
    void deliverCompletion(long delayNs, int tag, CompletionStatus status, boolean td, int completerId) {
        long arg = (tag & 0xffL) | ((long) status.code() << 8) | (td ? 1L << 11 : 0) | ((long) (completerId & 0xffff) << 12)
                | (tags.issueSeq(tag) << 28);
        sim.scheduleAfter(delayNs, completionArrival, arg);
    }

    private void onCompletion(long arg) {
        int tag = (int) (arg & 0xff);
        int code = (int) ((arg >>> 8) & 7);
        boolean td = (arg & (1L << 11)) != 0;
        int completer = (int) ((arg >>> 12) & 0xffff);
        long seq = arg >>> 28;
        if (tags.discardedByReset(seq) || !resetState.linkUp()) {
            return; // the request was discarded with the function's state by FLR/hot reset
        }
        CompletionStatus status = CompletionStatus.ofCode(code);
        if (!tags.matches(tag, seq)) {
            // its timer already fired: PCIe r5.0 §2.3.2 Unexpected Completion, logged with its header
            errors.unexpectedCompletion(tag, status, td, completer, tags.length(tag));
            return;
        }
        long address = tags.address(tag);
        int length = tags.length(tag);
        tags.release(tag);
        if (status != CompletionStatus.SC) {
            errors.abortedCompletion(tag, status, td, completer, address, length);
        }
    }

    /**
     * One timer per function serves all tags: it fires at the earliest deadline, times out every
     * read past its deadline and re-arms for the next (cheaper than a timer per read).
     */
    private void onCompletionTimeout(long unused) {
        long now = sim.now();
        long next = Long.MAX_VALUE;
        for (int tag = 0; tag < tags.size(); tag++) {
            if (!tags.busy(tag)) {
                continue;
            }
            long deadline = tags.deadline(tag);
            if (deadline <= now) {
                tags.release(tag);
                errors.completionTimeout();
            } else if (deadline < next) {
                next = deadline;
            }
        }
        if (next != Long.MAX_VALUE && !sim.isPending(timeoutToken)) {
            timeoutToken = sim.scheduleAt(next, completionTimeout, 0);
        }
    }

    /** Logs an error in this function's AER (used by the device for non-function-specific errors). */
    void logInThisFunction(int bit, int dw0, int dw1, int dw2, int dw3) {
        logUncorrectable(bit, true, dw0, dw1, dw2, dw3);
    }

    /** An endpoint's error Messages go to the port above its device (PCIe r5.0 §6.2.5). */
    @Override
    protected void signal(ErrorMessage m) {
        rc.errorMessage(device.upstreamPort(), bdf, m);
    }

    // ---- config side effects and resets ----------------------------------------------------

    @Override
    protected void refreshDynamicRegisters() {
        if (tags.outstanding() > 0) {
            config.hwSet(PciRegs.EXP_DEVSTA, 2, PciRegs.EXP_DEVSTA_TRPND);
        } else {
            config.hwClear(PciRegs.EXP_DEVSTA, 2, PciRegs.EXP_DEVSTA_TRPND);
        }
    }

    @Override
    protected void afterConfigWrite(int oldCommand, int newCommand, int oldBc, int newBc, int devctl) {
        if (FunctionResetState.busMasterTurnedOn(oldCommand, newCommand) && !errors.wedged()) {
            engine.resume();
        }
        if (resetState.flrRequested(devctl)) {
            initiateFlr();
        }
    }

    /** Function Level Reset (PCIe r5.0 §6.6.2): see {@link FunctionResetState}. */
    private void initiateFlr() {
        PcieTrace.reset(rc.simulation(), "Function Level Reset of", bdf);
        upstream.discardAll(DmaFate.DISCARDED_RESET);
        resetFunctionState();
        resetState.startFlr();
    }

    /** Conventional Reset from a Secondary Bus Reset above: link down, in-flight TLPs lost. */
    void linkDown() {
        upstream.discardAll(DmaFate.DISCARDED_LINK_DOWN);
        resetFunctionState();
        resetState.linkDown();
    }

    /** Link trained again: the function is ready {@code readyAfterLinkUpNs} later. */
    void linkTrained() {
        resetState.linkTrained();
    }

    private void resetFunctionState() {
        engine.clear();
        tags.discardAll();
        config.resetNonSticky();
        errors.reset();
    }
}
