package dev.kdumpsim.kernel.mm;

import dev.kdumpsim.kernel.version.CrashkernelPlacement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.log.KernelLog;
import org.junit.jupiter.api.Test;

class Arm64CrashkernelTest {

    static final long G = 1L << 30;

    static Memblock reportMachine() {
        Memblock mb = new Memblock(DramLayout.of(0, 32 * G));
        mb.reserve("kernel", new AddressRange(0x80000, 32L << 20));
        return mb;
    }

    @Test
    void reportMachinePrintsTheReportLine() {
        KernelLog log = new KernelLog(new Simulation(1), "kernel1", 0);
        CrashkernelReservation r = Arm64Crashkernel.reserve(reportMachine(), "crashkernel=2G", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, log);
        assertEquals(new AddressRange(0x7fe00000L, 2 * G), r.range());
        assertEquals("[    0.000000] crashkernel reserved: 0x000000007fe00000 - 0x00000000ffe00000 (2048 MB)",
                log.records().get(0).line());
    }

    @Test
    void inclusiveArchLowAddressLimitLeavesTopTwoMegabytesOut() {
        // nothing reserved near 4 GiB, yet the block ends at 0xffe00000: ARCH_LOW_ADDRESS_LIMIT is
        // arm64_dma_phys_limit - 1, used by memblock as an exclusive end
        Memblock mb = new Memblock(DramLayout.of(0, 32 * G));
        assertEquals(0xFFFF_FFFFL, Arm64Crashkernel.dmaPhysLimit(mb.dram(), true) - 1);
        assertEquals(0xffe00000L, Arm64Crashkernel.reserve(mb, "crashkernel=2G", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null).range().end());
    }

    @Test
    void firmwareReservationAtTopOfLowDramPushesTheBlockDown() {
        Memblock mb = reportMachine();
        mb.reserve("uefi-runtime", new AddressRange(0xFFC0_0000L, 0x40_0000L));
        assertEquals(0x7fc00000L, Arm64Crashkernel.reserve(mb, "crashkernel=2G", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null).range().base());
    }

    @Test
    void dmaLimitIsEndOfDramWhenDramEndsBelow4G() {
        Memblock mb = new Memblock(DramLayout.of(0x4000_0000L, 2 * G)); // 1 GiB .. 3 GiB
        assertEquals(0xC000_0000L, Arm64Crashkernel.dmaPhysLimit(mb.dram(), true));
        assertEquals(0xBFE0_0000L - 512L * (1 << 20), Arm64Crashkernel.reserve(mb, "crashkernel=512M", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null).range().base());
    }

    @Test
    void dmaLimitFollowsDramBaseAbove4G() {
        DramLayout d = DramLayout.of(0x80_0000_0000L, 16 * G);
        assertEquals(0x81_0000_0000L, Arm64Crashkernel.dmaPhysLimit(d, true));
    }

    @Test
    void explicitOffsetIsCheckedForMemoryReservationAndAlignment() {
        assertEquals(0x9000_0000L, Arm64Crashkernel.reserve(reportMachine(), "crashkernel=256M@0x90000000", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null).range().base());
        assertEquals("cannot reserve crashkernel: base address is not 2MB aligned",
                Arm64Crashkernel.reserve(reportMachine(), "crashkernel=256M@0x90100000", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null).reason());
        assertEquals("cannot reserve crashkernel: region overlaps reserved memory",
                Arm64Crashkernel.reserve(reportMachine(), "crashkernel=256M@0x1000000", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null).reason());
        assertEquals("cannot reserve crashkernel: region is not memory",
                Arm64Crashkernel.reserve(reportMachine(), "crashkernel=256M@0x1000000000", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null).reason());
    }

    @Test
    void tooLargeRequestCannotBeAllocated() {
        Memblock mb = new Memblock(DramLayout.of(0, 4 * G));
        KernelLog log = new KernelLog(new Simulation(1), "kernel1", 0);
        CrashkernelReservation r = Arm64Crashkernel.reserve(mb, "crashkernel=4G", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, log);
        assertFalse(r.reserved());
        assertEquals("cannot allocate crashkernel (size:0x100000000)", log.records().get(0).text());
    }

    @Test
    void highSuffixIsIgnoredByV419() {
        CrashkernelReservation r = Arm64Crashkernel.reserve(reportMachine(), "crashkernel=2G,high", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null);
        assertFalse(r.reserved());
        assertTrue(r.reason().contains(",high"));
    }

    @Test
    void reservationIsRecordedInMemblock() {
        Memblock mb = reportMachine();
        Arm64Crashkernel.reserve(mb, "crashkernel=2G", CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null);
        assertTrue(mb.isRegionReserved(0x7fe00000L, 4096));
        assertFalse(mb.isRegionReserved(0xffe00000L, 0x200000));
        assertEquals("crashkernel", mb.reservations().get(1).name());
    }
}
