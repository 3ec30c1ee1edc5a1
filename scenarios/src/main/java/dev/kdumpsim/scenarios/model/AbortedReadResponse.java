package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.kernel.api.SpecNamed;

/** What the root complex returns to an endpoint whose read was aborted by the SMMU. */
public enum AbortedReadResponse implements SpecNamed {
    CA("CA", "completion with status Completer Abort (the 2018 report's root complex)"),
    UR("UR", "completion with status Unsupported Request"),
    TIMEOUT("timeout", "no completion: the endpoint's completion timer expires");

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
