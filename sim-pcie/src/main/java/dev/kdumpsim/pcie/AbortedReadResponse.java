package dev.kdumpsim.pcie;

/**
 * How a root complex answers a memory read its IOMMU aborted: a platform property. Intel's
 * 2nd-gen Core datasheet vol. 1 §3.1.4 says PEG/DMI return Unsupported Request; the 2018 report's
 * ARM platform answered Completer Abort from 00:00.0 (its logged TLP header); a platform may also
 * send nothing, leaving the requester to its Completion Timeout (PCIe r4.0 §2.8).
 */
public enum AbortedReadResponse {
    /** Completion with status CA (Completer Abort). */
    COMPLETER_ABORT,
    /** Completion with status UR (Unsupported Request). */
    UNSUPPORTED_REQUEST,
    /** No completion: the requester's completion timer expires. */
    NO_COMPLETION
}
