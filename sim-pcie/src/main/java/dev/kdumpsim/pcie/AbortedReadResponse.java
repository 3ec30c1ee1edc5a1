package dev.kdumpsim.pcie;

import dev.kdumpsim.core.SpecNamed;

/**
 * How a root complex answers a memory read its IOMMU aborted: a platform property. Intel's
 * 2nd-gen Core datasheet vol. 1 §3.1.4 says PEG/DMI return Unsupported Request; the 2018 report's
 * ARM platform answered Completer Abort from 00:00.0 (its logged TLP header); a platform may also
 * send nothing, leaving the requester to its Completion Timeout (PCIe r4.0 §2.8). The names are
 * the scenario format's ({@code platform.pcie.rootComplex.abortedReadResponse}).
 */
public enum AbortedReadResponse implements SpecNamed {
    /** Completion with status CA (Completer Abort). */
    COMPLETER_ABORT("CA", "completion with status Completer Abort (the 2018 report's root complex)"),
    /** Completion with status UR (Unsupported Request). */
    UNSUPPORTED_REQUEST("UR", "completion with status Unsupported Request"),
    /** No completion: the requester's completion timer expires. */
    NO_COMPLETION("timeout", "no completion: the endpoint's completion timer expires");

    private final String specName;
    private final String description;

    AbortedReadResponse(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String description() {
        return description;
    }
}
