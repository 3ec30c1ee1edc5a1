package dev.kdumpsim.kernel.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.MemoryRegion;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import org.junit.jupiter.api.Test;

class KdumpMemoryTest {

    static final AddressRange CRASH = AddressRange.ofBounds(0x7fe0_0000L, 0xffe0_0000L); // the report's 2048 MB

    private static PhysicalMemory memory() {
        PhysicalMemory mem = new PhysicalMemory(new Simulation(1));
        mem.addRegion("dram", 0, 16L << 30, "kernel1", MemoryRoles.KERNEL1);
        mem.addRegion("crashkernel", CRASH.base(), CRASH.size(), "kdump", MemoryRoles.FREE_KDUMP);
        return mem;
    }

    @Test
    void kexecLoadPutsTheImageAtBasePlusTextOffsetAndTheElfcorehdrAtTheTop() {
        PhysicalMemory mem = memory();
        KdumpMemory k = new KdumpMemory(mem, CRASH, "kdump");
        assertEquals(MemoryRoles.FREE_KDUMP, mem.regionAt(CRASH.base() + 0x80000).role(), "before kexec -p nothing is live");
        k.loadSegments();
        MemoryRegion image = mem.regionAt(CRASH.base() + 0x80000);
        assertEquals("kdump Image (text, data, bss)", image.name());
        assertEquals(CRASH.base() + 0x80000, image.base());
        assertEquals(MemoryRoles.LIVE_KDUMP, image.role());
        assertEquals(MemoryRoles.FREE_KDUMP, mem.regionAt(CRASH.base()).role(), "below text_offset stays free");
        MemoryRegion hdr = mem.regionAt(CRASH.end() - 1);
        assertEquals("kdump elfcorehdr", hdr.name());
        assertEquals(CRASH.end() - 64 * 1024, hdr.base());
        assertEquals(MemoryRoles.LIVE_KDUMP, mem.regionAt(image.range().end() + 2 * KdumpMemory.MIB).role(), "initramfs");
        assertEquals(MemoryRoles.FREE_KDUMP, mem.regionAt(CRASH.base() + CRASH.size() / 2).role());
    }

    @Test
    void memblockAllocatesTopDownJustBelowTheElfcorehdr() {
        PhysicalMemory mem = memory();
        KdumpMemory k = new KdumpMemory(mem, CRASH, "kdump");
        k.loadSegments();
        k.bootMemblock();
        MemoryRegion mb = mem.regionAt(CRASH.end() - 64 * 1024 - 1);
        assertTrue(mb.name().startsWith("kdump memblock"), mb.name());
        assertEquals(CRASH.end() - 64 * 1024, mb.range().end());
        // memmap of 2 GiB (32 MiB of struct page) + 16 MiB of other early allocations
        assertEquals(48 * KdumpMemory.MIB, mb.size());
        assertEquals(MemoryRoles.LIVE_KDUMP, mb.role());
    }

    @Test
    void laterAllocationsComeTopDownBelowMemblockInLiveChunks() {
        PhysicalMemory mem = memory();
        KdumpMemory k = new KdumpMemory(mem, CRASH, "kdump");
        k.loadSegments();
        k.bootMemblock();
        long mbBase = mem.regionAt(CRASH.end() - 64 * 1024 - 1).base();
        long before = k.liveBytes();
        long a = k.allocatePages(4096, 4096);
        long b = k.allocatePages(4096, 4096);
        assertTrue(a < mbBase && CRASH.contains(a));
        assertEquals(a - 4096, b, "top-down within the chunk");
        assertEquals(MemoryRoles.LIVE_KDUMP, mem.regionAt(a).role());
        assertEquals(before + 2 * KdumpMemory.MIB, k.liveBytes(), "one 2 MiB chunk went live");
        long big = k.allocateRegion("big", 3 * KdumpMemory.MIB);
        assertEquals("big", mem.regionAt(big).name());
        assertEquals(4 * KdumpMemory.MIB, mem.regionAt(big).size(), "rounded up to 2 MiB");
    }

    @Test
    void rejectsACrashkernelRegionTooSmallForTheKdumpKernel() {
        PhysicalMemory mem = memory();
        assertThrows(IllegalArgumentException.class,
                () -> new KdumpMemory(mem, new AddressRange(CRASH.base(), 128 * KdumpMemory.MIB), "kdump"));
    }
}
