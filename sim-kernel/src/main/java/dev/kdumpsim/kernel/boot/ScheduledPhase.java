package dev.kdumpsim.kernel.boot;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * A boot phase placed in time, for the Machine to schedule on the simulation.
 *
 * @param name          phase name
 * @param kernelStartNs start on the kernel's own clock (0 = its boot)
 * @param simStartNs    start in simulation time
 * @param durationNs    phase length
 */
@KernelApi
public record ScheduledPhase(String name, long kernelStartNs, long simStartNs, long durationNs) {

    public long kernelEndNs() {
        return kernelStartNs + durationNs;
    }
}
