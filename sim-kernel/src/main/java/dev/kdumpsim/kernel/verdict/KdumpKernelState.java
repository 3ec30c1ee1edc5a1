package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * How the kdump kernel ended the run. A kernel that panicked or hung saves no dump: kdump
 * userspace never ran, or never finished.
 */
@KernelApi
public enum KdumpKernelState {
    /** It ran to the end of the run (whether or not the dump was saved). */
    ALIVE("alive"),
    /** It called {@code panic()}: a fatal hardware error (GHES), an SError or an unhandled abort. */
    PANICKED("panicked"),
    /** It stopped making progress: a boot phase or the dump write never finished. */
    HUNG("hung");

    private final String specName;

    KdumpKernelState(String specName) {
        this.specName = specName;
    }

    /** The name report.json and scenario files use. */
    public String specName() {
        return specName;
    }
}
