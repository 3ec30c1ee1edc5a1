package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.SpecNamed;

/**
 * How the kdump kernel ended the run. A kernel that panicked or hung saves no dump: kdump
 * userspace never ran, or never finished.
 */
@KernelApi
public enum KdumpKernelState implements SpecNamed {
    /** It ran to the end of the run (whether or not the dump was saved). */
    ALIVE("alive", "it ran to the end of the run (whether or not the dump was saved)"),
    /** It called {@code panic()}: a fatal hardware error (GHES), an SError or an unhandled abort. */
    PANICKED("panicked", "it called panic(): a fatal hardware error, an SError or an unhandled abort"),
    /** It stopped making progress: a boot phase or the dump write never finished. */
    HUNG("hung", "it stopped making progress: a boot phase or the dump write never finished");

    private final String specName;
    private final String description;

    KdumpKernelState(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    /** The name report.json and scenario files ({@code expect.verdict.kdumpKernel}) use. */
    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String description() {
        return description;
    }
}
