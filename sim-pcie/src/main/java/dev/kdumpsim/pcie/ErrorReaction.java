package dev.kdumpsim.pcie;

import dev.kdumpsim.pcie.config.ConfigSpace;
import dev.kdumpsim.pcie.config.PciRegs;
import dev.kdumpsim.pcie.dma.DmaEngine;
import dev.kdumpsim.pcie.tlp.CompletionStatus;
import dev.kdumpsim.pcie.tlp.TlpHeader;
import dev.kdumpsim.pcie.tlp.TlpType;

/**
 * What a function does when its own requests fail, per its {@link EndpointErrorProfile}: a
 * UR/CA completion (record Received Master/Target Abort in Status, PCIe r5.0 §7.5.1.1.4 and
 * §6.2.3.2.5, or the report's defective device's Malformed TLP with the completion's header), a
 * Completion Timeout (§2.8, AER bit 14 without a header), an Unexpected Completion for a Tag
 * that already timed out (§2.3.2, bit 16 with the header), and wedging after K such errors: the
 * DMA engines stop and re-programming is ignored until FLR or hot reset.
 *
 * <p>Not modelled: the device's own recovery (firmware retries), Advisory Non-Fatal handling of
 * these errors (§6.2.3.2.4).
 */
final class ErrorReaction {

    private final EndpointFunction function;
    private final EndpointParams params;
    private final ConfigSpace config;
    private final DmaEngine engine;
    private boolean wedged;
    private int errorCount;
    private long completionTimeouts;
    private long abortedCompletions;

    ErrorReaction(EndpointFunction function, EndpointParams params, ConfigSpace config, DmaEngine engine) {
        this.function = function;
        this.params = params;
        this.config = config;
        this.engine = engine;
    }

    boolean wedged() {
        return wedged;
    }

    int errorCount() {
        return errorCount;
    }

    long completionTimeouts() {
        return completionTimeouts;
    }

    long abortedCompletions() {
        return abortedCompletions;
    }

    /** A completion arrived for a Tag whose request already timed out (or was never issued). */
    void unexpectedCompletion(int tag, CompletionStatus status, boolean td, int completer, int byteCount) {
        function.logUncorrectable(PciRegs.UNC_UNX_COMP, true,
                TlpHeader.dw0(TlpType.Cpl, false, 0, td, false, params.requestAttr(), 0, 0),
                TlpHeader.completionDw1(completer, status, false, byteCount),
                TlpHeader.completionDw2(function.bdf(), tag, 0), 0);
    }

    /** A UR or CA completion for the read at {@code address} of {@code length} bytes. */
    void abortedCompletion(int tag, CompletionStatus status, boolean td, int completer, long address, int length) {
        abortedCompletions++;
        switch (params.errorProfile().abortedCompletion()) {
            case RECORD_RECEIVED_ABORT:
                // PCIe r5.0 §7.5.1.1.4: Received Master Abort for UR, Received Target Abort for CA
                config.hwSet(PciRegs.STATUS, 2, status == CompletionStatus.UR ? PciRegs.STATUS_REC_MASTER_ABORT
                        : PciRegs.STATUS_REC_TARGET_ABORT);
                break;
            case MALFORMED_TLP:
            default:
                // the report's device: the port's receiver rejects the completion as Malformed and logs
                // its header (Byte Count = bytes remaining = the whole request, Lower Address = addr[6:0])
                int dw0 = TlpHeader.dw0(TlpType.Cpl, false, 0, td, false, params.requestAttr(), 0, 0);
                int dw1 = TlpHeader.completionDw1(completer, status, false, length);
                int dw2 = TlpHeader.completionDw2(function.bdf(), tag, (int) (address & 0x7f));
                function.device().logNonFunctionSpecific(function, PciRegs.UNC_MALF_TLP, dw0, dw1, dw2, 0);
                break;
        }
        noteError();
    }

    /** PCIe r5.0 §2.8: the requester detects Completion Timeout; no header is logged for it. */
    void completionTimeout() {
        completionTimeouts++;
        function.logUncorrectable(PciRegs.UNC_COMP_TIME, false, 0, 0, 0, 0);
        noteError();
    }

    private void noteError() {
        errorCount++;
        int k = params.errorProfile().wedgeAfterErrors();
        if (k > 0 && errorCount >= k && !wedged) {
            wedged = true;
            engine.clear();
        }
    }

    /** FLR or Conventional Reset: the device's error state starts over (AER keeps its sticky bits). */
    void reset() {
        wedged = false;
        errorCount = 0;
    }
}
