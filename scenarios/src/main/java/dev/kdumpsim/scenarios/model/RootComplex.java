package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.pcie.AbortedReadResponse;

/** Root complex behaviour towards endpoints when the SMMU aborts a transaction. */
@Doc("Root complex behaviour for SMMU-aborted transactions")
public record RootComplex(
        @Doc(value = "Completion returned for an aborted read", dflt = "CA") AbortedReadResponse abortedReadResponse,
        @Doc(value = "Set the TD bit (TLP digest present) on abort completions", dflt = "false") boolean abortCompletionTd) {
}
