package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.arch.Arches;
import dev.kdumpsim.kernel.mm.CrashkernelReservation;
import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.mm.KdumpMemory;
import dev.kdumpsim.kernel.mm.Memblock;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.KernelVersion;
import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.DramBank;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.model.IovaGranule;
import dev.kdumpsim.scenarios.model.Kernel;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.value.ByteSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Memory the Machine needs, checked at load: the crashkernel region must be placeable in DRAM
 * beside kernel #1's image (the Machine reserves the low 64 MiB first) and large enough for the
 * kdump kernel model ({@link KdumpMemory}'s own check, run on the real reservation), and each
 * kernel's drivers' rings and receive buffers must fit the memory that kernel allocates from
 * (kernel #1: DRAM outside the crashkernel region; the kdump kernel: the crashkernel region after
 * its image, initramfs, memmap and early working set). Sizes follow sim-kernel's DeviceDriver:
 * two rings of {@code rings x ringEntries} 16-byte descriptors, then one buffer per granule-rounded
 * {@code bufferSize} until {@code iovaFootprint} is mapped (at most 2^20 buffers), plus 64 pages
 * of dump I/O in the kdump kernel.
 */
final class MemoryPreconditions {

    static final long MIB = 1L << 20;
    /** sim-kernel Machine.KERNEL1_RESERVED_LOW: kernel #1's text and early data stay out of every allocation. */
    static final long KERNEL1_RESERVED_LOW = 64 * MIB;
    /** sim-kernel DeviceDriver.DESCRIPTOR_BYTES. */
    static final int DESCRIPTOR_BYTES = 16;
    /** Descriptors per device the model's one merged ring can hold (DeviceDriver indexes them with an int). */
    static final long MAX_SLOTS = 1L << 24;
    /** Room kept for SMMU tables, queues and page tables, which the estimate leaves out. */
    static final long TABLES_HEADROOM = 16 * MIB;

    private final Locations at;

    MemoryPreconditions(Locations at) {
        this.at = at;
    }

    /** platform.dram: at least one bank, none empty, past 2^63 or overlapping another; the layout the checks below place memory in. */
    DramLayout dram(List<DramBank> banks, Object platform) throws ScenarioException {
        if (banks.isEmpty()) {
            throw at.error(platform, "dram", "no DRAM bank", "write dram: [{base: \"0x80000000\", size: 8GiB}]");
        }
        List<AddressRange> ranges = new ArrayList<>();
        for (DramBank b : banks) {
            if (b.size().bytes() == 0) {
                throw at.error(b, "size", "DRAM bank of size 0", "give the bank's size, e.g. 8GiB");
            }
            if (b.base().value() + b.size().bytes() < 0) {
                throw at.error(b, "size", "DRAM bank " + b.base() + " + " + b.size() + " goes past 2^63", "");
            }
            AddressRange r = new AddressRange(b.base().value(), b.size().bytes());
            for (int i = 0; i < ranges.size(); i++) {
                if (ranges.get(i).overlaps(r)) {
                    throw at.error(b, "base", "DRAM bank " + b.base() + "-" + hex(r.end()) + " overlaps bank " + banks.get(i).base() + "-"
                            + hex(ranges.get(i).end()), "banks must not overlap");
                }
            }
            ranges.add(r);
        }
        return new DramLayout(ranges);
    }

    /** The crashkernel region the Machine will reserve; errors when it cannot be placed or cannot hold the kdump kernel. */
    AddressRange crashkernel(Scenario s, DramLayout dram) throws ScenarioException {
        Kernel first = s.kernels().first();
        boolean hasOption = first.cmdline().matches("(^|[\\s\\S]*\\s)crashkernel=[\\s\\S]*");
        if (!hasOption) {
            throw at.error(first, "cmdline", "kernel #1 has no crashkernel= option: the kdump kernel has nowhere to load",
                    "add e.g. crashkernel=2G to kernels.first.cmdline (kexec-normal loads into the reservation too)");
        }
        Memblock memblock = new Memblock(dram);
        long firstBank = 0;
        for (AddressRange b : dram.banks()) {
            if (b.base() == dram.start()) {
                firstBank = b.size();
            }
        }
        if (firstBank <= KERNEL1_RESERVED_LOW) {
            throw at.error(s.platform(), "dram", "the first DRAM bank must be larger than 64 MiB: kernel #1's image and early data take its start",
                    "give at least 1GiB");
        }
        memblock.reserve("kernel #1 image and early data", new AddressRange(dram.start(), KERNEL1_RESERVED_LOW));
        CrashkernelReservation r;
        try {
            // the Machine's own placement: kernel #1's architecture and release
            KernelVersion version = first.version().map(v -> KernelVersion.of(KernelRelease.parse(v)))
                    .orElse(KernelVersion.unnamed(java.util.Map.of()));
            r = Arches.byName(s.platform().effectiveArch().specName()).reserveCrashkernel(memblock, first.cmdline(), version, null);
        } catch (IllegalArgumentException e) {
            throw at.error(first, "cmdline", Yaml.oneLine(String.valueOf(e.getMessage())), "see crashkernel= in Documentation/admin-guide/kernel-parameters.txt");
        }
        if (!r.reserved()) {
            throw at.error(first, "cmdline", "crashkernel cannot be placed in DRAM: " + r.reason(),
                    "DRAM is " + banks(dram) + " (the first 64 MiB hold kernel #1); choose a smaller size or a base inside DRAM");
        }
        try {
            new KdumpMemory(new PhysicalMemory(new Simulation(0)), r.range(), "kdump");
        } catch (IllegalArgumentException e) {
            throw at.error(first, "cmdline", "a crashkernel region of " + new ByteSize(r.range().size()) + " cannot hold the kdump kernel: "
                    + Yaml.oneLine(String.valueOf(e.getMessage())), "reserve more, e.g. crashkernel=512M");
        }
        return r.range();
    }

    /** Each kernel's drivers fit the memory that kernel allocates from. */
    void drivers(Scenario s, DramLayout dram, AddressRange crash) throws ScenarioException {
        long dramBytes = 0;
        for (AddressRange b : dram.banks()) {
            dramBytes += b.size();
        }
        long first = dramBytes - crash.size() - KERNEL1_RESERVED_LOW - TABLES_HEADROOM;
        fit(s.kernels().first(), first, "DRAM outside the crashkernel region");
        long memmap = ((crash.size() / 4096 * 64) + 2 * MIB - 1) & -(2 * MIB);
        long kdump = crash.size() - KdumpMemory.IMAGE_BYTES - KdumpMemory.INITRD_BYTES - KdumpMemory.SEGMENTS_BYTES - memmap
                - KdumpMemory.MEMBLOCK_EXTRA_BYTES - KdumpMemory.EARLY_WORKING_SET_BYTES - TABLES_HEADROOM - 64 * 4096L;
        fit(s.kernels().kdump(), kdump, "the crashkernel region after the kdump kernel's own use");
    }

    private void fit(Kernel k, long available, String where) throws ScenarioException {
        long g = k.iovaGranule() == IovaGranule.G64K ? 65536 : 4096;
        long total = 0;
        for (DriverConfig d : k.drivers()) {
            long slots = (long) d.rings() * d.ringEntries();
            if (slots > MAX_SLOTS) {
                throw at.error(d, "ringEntries", String.format(Locale.ROOT, "%d rings x %d entries for %s is %d descriptors, more than"
                        + " the model's %d", d.rings(), d.ringEntries(), d.device(), slots, MAX_SLOTS), "real rings hold at most 64 Ki entries");
            }
            long need = bytes(d, g);
            total += need;
            if (total > available) {
                throw at.error(d, need * 2 > available ? "ringEntries" : "device", String.format(Locale.ROOT,
                        "the rings and buffers of %s need %d MiB; with the drivers before it that is more than the %d MiB of %s",
                        d.device(), (need + MIB - 1) / MIB, Math.max(0, available / MIB), where),
                        "use fewer or smaller rings (rings, ringEntries) or a smaller iovaFootprint");
            }
        }
    }

    /** What DeviceDriver.probe allocates for {@code d} with IOMMU granule {@code g}. */
    static long bytes(DriverConfig d, long g) {
        long ringBytes = (long) d.rings() * d.ringEntries() * DESCRIPTOR_BYTES;
        long rings = round(Math.max(ringBytes, 256), g) + round(ringBytes, g);
        long per = round(d.bufferSize().bytes(), g);
        long used = 2 * round(ringBytes, g) + g;
        long buffers = Math.max(1, Math.min(1 << 20, (d.iovaFootprint().bytes() - used) / per));
        return rings + buffers * per;
    }

    private static long round(long v, long g) {
        return (v + g - 1) & -g;
    }

    private static String banks(DramLayout dram) {
        List<String> s = new ArrayList<>();
        for (AddressRange r : dram.banks()) {
            s.add("0x" + Long.toHexString(r.base()) + "-0x" + Long.toHexString(r.end()));
        }
        return String.join(", ", s);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
