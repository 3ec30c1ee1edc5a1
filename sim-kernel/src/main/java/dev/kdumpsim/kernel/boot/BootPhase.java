package dev.kdumpsim.kernel.boot;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * One phase of a kernel's boot.
 *
 * @param name        phase name (stable key: "memblock", "smmu-probe", "pci-enumeration", ...)
 * @param durationNs  how long the phase lasts before the next one starts (ns, >= 0)
 * @param description what the kernel does in it, with the source of the timing
 */
@KernelApi
public record BootPhase(String name, long durationNs, String description) {

    public BootPhase {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("boot phase needs a name");
        }
        if (durationNs < 0) {
            throw new IllegalArgumentException("boot phase '" + name + "' has negative duration " + durationNs);
        }
    }
}
