package dev.kdumpsim.kernel;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.arch.Arch;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.mm.MemoryRoles;
import dev.kdumpsim.kernel.mm.PhysAllocator;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.KernelVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an IOMMU driver test needs without a machine: one clock, 4 GiB of DRAM, and kernels that
 * take their pages from two disjoint pools (kernel #1's at 256 MiB, the kdump kernel's at 512 MiB,
 * as a crashkernel reservation would), each with its own log.
 */
public final class IommuDriverBed {

    public final Simulation sim = new Simulation(1);
    public final PhysicalMemory mem = new PhysicalMemory(sim);
    private final PhysAllocator kernel1Pages = new PhysAllocator(List.of(new AddressRange(0x1000_0000L, 0x1000_0000L)));
    private final PhysAllocator kdumpPages = new PhysAllocator(List.of(new AddressRange(0x2000_0000L, 0x1000_0000L)));

    public IommuDriverBed() {
        mem.addRegion("dram", 0, 1L << 32, "kernel1", MemoryRoles.KERNEL1);
    }

    /** A kernel of {@code release} on {@code arch}, booted now; {@code kdump}: is_kdump_kernel(). */
    public KernelContext kernel(String id, String release, boolean kdump, String cmdline, Arch arch) {
        KernelLog log = new KernelLog(sim, id, sim.now());
        return new KernelContext(id, sim, mem, mem.registerAgent(id + " cpu"), log, new ConsolePrinter(sim, log),
                (kdump ? kdumpPages : kernel1Pages)::allocate, new KernelCommandLine(cmdline), arch,
                KernelVersion.of(KernelRelease.parse(release)), kdump);
    }

    /** A kernel's log so far, one line per record. */
    public static String log(KernelContext k) {
        return k.log().records().stream().map(LogRecord::line).collect(Collectors.joining("\n"));
    }
}
