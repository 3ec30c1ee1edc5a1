package dev.kdumpsim.kernel;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.arch.Arch;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.mm.PageSource;
import dev.kdumpsim.kernel.version.KernelVersion;

/**
 * What one kernel instance's subsystems share: its clock and log, its CPU's memory agent, where
 * its pages come from, its command line, its architecture, its release (every subsystem asks it
 * for version-dependent behaviour), and whether it is the kdump kernel
 * ({@code is_kdump_kernel()}: booted with an elfcorehdr).
 */
public record KernelContext(String id, Simulation sim, PhysicalMemory memory, int cpuAgent, KernelLog log,
        ConsolePrinter console, PageSource pages, KernelCommandLine cmdline, Arch arch, KernelVersion version, boolean kdump) {
}
