package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.kernel.verdict.KdumpKernelState;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.List;
import java.util.Optional;

/** Expected values of the verdict (issue 7: report.json verdict). */
@Doc("Expected verdict fields")
public record VerdictExpectation(
        @Doc("Was the kdump kernel's memory written by stray DMA") Optional<Boolean> kdumpCorrupted,
        @Doc("Role of the region first hit (e.g. live-kdump-data, free-kdump-memory)") Optional<String> firstCorruption,
        @Doc("Was the vmcore saved") Optional<Boolean> dumpSaved,
        @Doc("Range of dump pages written after the crash") Optional<CounterRange> dumpTaintedPages,
        @Doc("Exactly these devices end wedged") Optional<List<Bdf>> wedgedDevices,
        @Doc("How the kdump kernel ended: alive, panicked or hung") Optional<KdumpKernelState> kdumpKernel) {
}
