package dev.kdumpsim.kernel;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.arch.Arch;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.mm.PageSource;

/**
 * What one kernel instance's subsystems share: its clock and log, its CPU's memory agent, where
 * its pages come from, its command line, its architecture, and whether it is the kdump kernel
 * ({@code is_kdump_kernel()}: booted with an elfcorehdr).
 */
public record KernelContext(String id, Simulation sim, PhysicalMemory memory, int cpuAgent, KernelLog log,
        ConsolePrinter console, PageSource pages, KernelCommandLine cmdline, Arch arch, boolean kdump) {
}
