package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.List;

/**
 * What a run answers: did stray DMA reach the kdump kernel, was the dump saved, which devices wedged.
 *
 * @param kdumpCorrupted stray DMA wrote onto live kdump-kernel memory
 * @param firstCorruption the first stray write into the crashkernel region (live or free), or null
 * @param liveWrites stray writes onto live kdump memory
 * @param freeWrites stray writes onto free crashkernel memory
 * @param dumpSaved the dump target wrote the vmcore out
 * @param dumpFailure why not (empty when saved)
 * @param dumpTaintedPages kernel #1 pages written by DMA between the panic and the capture
 * @param wedgedDevices functions left wedged at the end, as "0000:01:00.0"
 * @param kdumpKernel whether the kdump kernel was alive at the end, panicked or hung
 * @param kdumpKernelReason why it panicked or hung, as its log says (empty when alive)
 */
@KernelApi
public record Verdict(boolean kdumpCorrupted, Corruption firstCorruption, long liveWrites, long freeWrites,
        boolean dumpSaved, String dumpFailure, int dumpTaintedPages, List<String> wedgedDevices,
        KdumpKernelState kdumpKernel, String kdumpKernelReason) {

    public Verdict {
        wedgedDevices = List.copyOf(wedgedDevices);
        if (kdumpKernel == null || kdumpKernelReason == null) {
            throw new IllegalArgumentException("kdumpKernel and its reason must be given");
        }
    }

    /** A verdict whose kdump kernel lived to the end. */
    public Verdict(boolean kdumpCorrupted, Corruption firstCorruption, long liveWrites, long freeWrites,
            boolean dumpSaved, String dumpFailure, int dumpTaintedPages, List<String> wedgedDevices) {
        this(kdumpCorrupted, firstCorruption, liveWrites, freeWrites, dumpSaved, dumpFailure, dumpTaintedPages,
                wedgedDevices, KdumpKernelState.ALIVE, "");
    }
}
