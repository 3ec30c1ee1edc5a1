package dev.kdumpsim.pcie;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.pcie.aer.AerCapability;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.CompletionRing;
import dev.kdumpsim.pcie.dma.DescriptorRing;
import dev.kdumpsim.pcie.dma.DmaEngine;
import dev.kdumpsim.pcie.dma.DmaPort;
import dev.kdumpsim.pcie.dma.MsiMessage;
import dev.kdumpsim.pcie.dma.ReceiveBufferRing;
import dev.kdumpsim.pcie.tlp.CompletionStatus;
import dev.kdumpsim.pcie.tlp.TlpHeader;
import dev.kdumpsim.pcie.tlp.TlpType;

/**
 * One function of an endpoint: Type 0 config space with PCIe and AER capabilities, a
 * {@link DmaEngine} the driver programs, a tag table for outstanding reads with a completion
 * timer each, and the requests in flight towards the root complex.
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

    // tag table (PCIe r4.0 §2.2.6.2): one outstanding read per tag
    private final boolean[] tagBusy;
    private final long[] tagAddr;
    private final int[] tagLen;
    private final long[] tagSeq;
    private final long[] tagDeadline;
    private long timeoutToken = -1;
    private int nextTag;
    private int outstanding;
    private long issueSeq;
    private long resetSeq;

    private boolean ready = true;
    private boolean linkUp = true;
    private boolean flrInProgress;
    private long readyEpoch;
    private boolean wedged;
    private int errorCount;
    private long completionTimeouts;
    private long abortedCompletions;

    private final EventHandler completionArrival = this::onCompletion;
    private final EventHandler completionTimeout = this::onCompletionTimeout;
    private final EventHandler readyTimer = this::onReadyTimer;

    EndpointFunction(RootComplex rc, EndpointDevice device, int bdf, EndpointParams params) {
        super(rc, bdf);
        this.device = device;
        this.sim = rc.simulation();
        this.params = params;
        this.agent = rc.memory().registerAgent(params.name() + " " + Bdf.format(bdf));
        this.engine = new DmaEngine(sim, this, ((long) bdf) << 40);
        this.upstream = new UpstreamQueue(rc, this);
        int n = params.tags();
        tagBusy = new boolean[n];
        tagAddr = new long[n];
        tagLen = new int[n];
        tagSeq = new long[n];
        tagDeadline = new long[n];
        defineCommonHeader(params.vendorId(), params.deviceId(),
                params.functions() > 1 ? PciRegs.HEADER_TYPE_MULTI_FUNCTION : 0, PciRegs.EXP_TYPE_ENDPOINT,
                params.flrCapable() ? PciRegs.EXP_DEVCAP_FLR : 0);
        // BAR0: 64-bit memory BAR of 16 KiB (low 14 bits read-only), cleared by any reset
        config.define(PciRegs.BASE_ADDRESS_0, 4, 0x4, 0xffffc000, 0, 0);
        config.define(PciRegs.BASE_ADDRESS_1, 4, 0, 0xffffffff, 0, 0);
        AerCapability.define(config, params.uncorrectableSeverity());
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
        return ready && linkUp;
    }

    /** An FLR is running (DevCtl bit 15 written, completion not yet reached). */
    public boolean isFlrInProgress() {
        return flrInProgress;
    }

    /** Wedged by errors: ignores re-programming until FLR or hot reset. */
    public boolean isWedged() {
        return wedged;
    }

    /** Errors counted towards wedging since the last reset. */
    public int errorCount() {
        return errorCount;
    }

    /** Non-posted requests awaiting completion (DevSta Transactions Pending = this > 0). */
    public int outstandingReads() {
        return outstanding;
    }

    public long completionTimeouts() {
        return completionTimeouts;
    }

    public long abortedCompletions() {
        return abortedCompletions;
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
        return isReady() && !wedged && (config.read(PciRegs.COMMAND, 2) & PciRegs.COMMAND_MEMORY) != 0;
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
        int n = tagBusy.length;
        int tag = -1;
        for (int i = 0; i < n; i++) {
            int t = (nextTag + i) % n;
            if (!tagBusy[t]) {
                tag = t;
                break;
            }
        }
        if (tag < 0) {
            return NO_TAG;
        }
        nextTag = (tag + 1) % n;
        long seq = ++issueSeq;
        tagBusy[tag] = true;
        tagAddr[tag] = address;
        tagLen[tag] = length;
        tagSeq[tag] = seq;
        tagDeadline[tag] = sim.now() + params.completionTimeoutNs();
        if (!sim.isPending(timeoutToken)) {
            timeoutToken = sim.scheduleAt(tagDeadline[tag], completionTimeout, 0);
        }
        outstanding++;
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
                | (tagSeq[tag] << 28);
        sim.scheduleAfter(delayNs, completionArrival, arg);
    }

    private void onCompletion(long arg) {
        int tag = (int) (arg & 0xff);
        int code = (int) ((arg >>> 8) & 7);
        boolean td = (arg & (1L << 11)) != 0;
        int completer = (int) ((arg >>> 12) & 0xffff);
        long seq = arg >>> 28;
        if (seq <= resetSeq || !linkUp) {
            return; // the request was discarded with the function's state by FLR/hot reset
        }
        CompletionStatus status = CompletionStatus.ofCode(code);
        if (!tagBusy[tag] || tagSeq[tag] != seq) {
            // its timer already fired: PCIe r4.0 §2.3.2 Unexpected Completion, logged with its header
            AerCapability.logUncorrectable(config, PciRegs.UNC_UNX_COMP, true, TlpHeader.dw0(TlpType.Cpl, false, 0,
                    td, false, params.requestAttr(), 0, 0), TlpHeader.completionDw1(completer, status, false, tagLen[tag]),
                    TlpHeader.completionDw2(bdf, tag, 0), 0);
            return;
        }
        long address = tagAddr[tag];
        int length = tagLen[tag];
        releaseTag(tag);
        if (status == CompletionStatus.SC) {
            return;
        }
        abortedCompletions++;
        switch (params.errorProfile().abortedCompletion()) {
            case RECORD_RECEIVED_ABORT:
                // PCIe r4.0 §7.5.1.2: Received Master Abort for UR, Received Target Abort for CA
                config.hwSet(PciRegs.STATUS, 2, status == CompletionStatus.UR ? PciRegs.STATUS_REC_MASTER_ABORT
                        : PciRegs.STATUS_REC_TARGET_ABORT);
                break;
            case MALFORMED_TLP:
            default:
                // the report's device: the port's receiver rejects the completion as Malformed and logs
                // its header (Byte Count = bytes remaining = the whole request, Lower Address = addr[6:0])
                int dw0 = TlpHeader.dw0(TlpType.Cpl, false, 0, td, false, params.requestAttr(), 0, 0);
                int dw1 = TlpHeader.completionDw1(completer, status, false, length);
                int dw2 = TlpHeader.completionDw2(bdf, tag, (int) (address & 0x7f));
                device.logNonFunctionSpecific(this, PciRegs.UNC_MALF_TLP, dw0, dw1, dw2, 0);
                break;
        }
        noteError();
    }

    /**
     * One timer per function serves all tags: it fires at the earliest deadline, times out every
     * read past its deadline and re-arms for the next (cheaper than a timer per read).
     */
    private void onCompletionTimeout(long unused) {
        long now = sim.now();
        long next = Long.MAX_VALUE;
        for (int tag = 0; tag < tagBusy.length; tag++) {
            if (!tagBusy[tag]) {
                continue;
            }
            if (tagDeadline[tag] <= now) {
                releaseTag(tag);
                completionTimeouts++;
                // PCIe r4.0 §2.8: the requester detects Completion Timeout; no header is logged for it
                AerCapability.logUncorrectable(config, PciRegs.UNC_COMP_TIME, false, 0, 0, 0, 0);
                noteError();
            } else if (tagDeadline[tag] < next) {
                next = tagDeadline[tag];
            }
        }
        if (next != Long.MAX_VALUE && !sim.isPending(timeoutToken)) {
            timeoutToken = sim.scheduleAt(next, completionTimeout, 0);
        }
    }

    private void releaseTag(int tag) {
        tagBusy[tag] = false;
        outstanding--;
    }

    /** Logs an error in this function's AER (used by the device for non-function-specific errors). */
    void logInThisFunction(int bit, int dw0, int dw1, int dw2, int dw3) {
        AerCapability.logUncorrectable(config, bit, true, dw0, dw1, dw2, dw3);
    }

    private void noteError() {
        errorCount++;
        int k = params.errorProfile().wedgeAfterErrors();
        if (k > 0 && errorCount >= k && !wedged) {
            wedged = true;
            engine.clear();
        }
    }

    // ---- config side effects and resets ----------------------------------------------------

    @Override
    protected void refreshDynamicRegisters() {
        if (outstanding > 0) {
            config.hwSet(PciRegs.EXP_DEVSTA, 2, PciRegs.EXP_DEVSTA_TRPND);
        } else {
            config.hwClear(PciRegs.EXP_DEVSTA, 2, PciRegs.EXP_DEVSTA_TRPND);
        }
    }

    @Override
    protected void afterConfigWrite(int oldCommand, int newCommand, int oldBc, int newBc, int devctl) {
        if ((oldCommand & PciRegs.COMMAND_MASTER) == 0 && (newCommand & PciRegs.COMMAND_MASTER) != 0 && !wedged) {
            engine.resume();
        }
        if (devctl >= 0 && (devctl & PciRegs.EXP_DEVCTL_BCR_FLR) != 0 && params.flrCapable()) {
            initiateFlr();
        }
    }

    /**
     * Function Level Reset (PCIe r4.0 §6.6.2): the function's state and non-sticky registers are
     * reset at once, requests it still holds are discarded, and it answers config requests again
     * after {@code flrCompletionNs}. AER status/mask/severity/header log are sticky and survive.
     */
    private void initiateFlr() {
        upstream.discardAll(DmaFate.DISCARDED_RESET);
        resetFunctionState();
        flrInProgress = true;
        ready = false;
        sim.scheduleAfter(params.flrCompletionNs(), readyTimer, ++readyEpoch);
    }

    private void onReadyTimer(long epoch) {
        if (epoch != readyEpoch) {
            return;
        }
        flrInProgress = false;
        ready = true;
    }

    /** Conventional Reset from a Secondary Bus Reset above: link down, in-flight TLPs lost. */
    void linkDown() {
        upstream.discardAll(DmaFate.DISCARDED_LINK_DOWN);
        resetFunctionState();
        linkUp = false;
        ready = false;
        flrInProgress = false;
        readyEpoch++;
    }

    /** Link trained again: the function is ready {@code readyAfterLinkUpNs} later. */
    void linkTrained() {
        linkUp = true;
        sim.scheduleAfter(params.readyAfterLinkUpNs(), readyTimer, ++readyEpoch);
    }

    private void resetFunctionState() {
        engine.clear();
        for (int t = 0; t < tagBusy.length; t++) {
            if (tagBusy[t]) {
                releaseTag(t);
            }
        }
        resetSeq = issueSeq;
        config.resetNonSticky();
        wedged = false;
        errorCount = 0;
    }
}
