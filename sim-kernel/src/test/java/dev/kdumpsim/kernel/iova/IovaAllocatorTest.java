package dev.kdumpsim.kernel.iova;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.log.KernelLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class IovaAllocatorTest {

    static final long K4 = 4096;
    static final long K64 = 65536;
    static final long MASK64 = -1L;
    static final long APERTURE_44 = (1L << 44) - 1;

    static IovaAllocator fresh(long granule, IovaPolicy policy, boolean forcedac) {
        return IovaAllocator.forDmaDomain(granule, 0, policy, 1, APERTURE_44, forcedac);
    }

    @Test
    void firstPagesOfFresh4kDomainAreTopDownBelow4G() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        assertEquals(0xFFFFF000L, a.allocate(K4, MASK64, true));
        assertEquals(0xFFFFE000L, a.allocate(K4, MASK64, true));
        assertEquals(0xFFFF8000L, a.allocate(16 * 1024, MASK64, true));
    }

    @Test
    void sameSequenceOnEveryPolicyVersion() {
        for (IovaPolicy p : List.of(IovaPolicy.V4_19, IovaPolicy.V5_11, IovaPolicy.V6_6)) {
            IovaAllocator a = fresh(K4, p, false);
            assertEquals(0xFFFFF000L, a.allocate(K4, MASK64, true));
            assertEquals(0xFFFFE000L, a.allocate(K4, MASK64, true));
            assertEquals(0xFFFF8000L, a.allocate(16 * 1024, MASK64, true));
        }
    }

    @Test
    void first64kGranuleAllocationIs0xFFFF0000() {
        IovaAllocator a = fresh(K64, IovaPolicy.V4_19, false);
        assertEquals(0xFFFF0000L, a.allocate(K4, MASK64, true));
        assertEquals(0xFFFE0000L, a.allocate(K64, MASK64, true));
    }

    @Test
    void nonPowerOfTwoSizesBelow32PagesAreRoundedAndNaturallyAligned() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        long iova = a.allocate(3 * K4, MASK64, true); // rounded to 4 pages
        assertEquals(0xFFFFC000L, iova);
        assertEquals(4 * K4, a.ranges().get(0).size());
        long big = a.allocate(33 * K4, MASK64, true); // >= 32 pages: not rounded, aligned to 64 pages
        assertEquals(0, (big >>> 12) % 64);
        assertEquals(33 * K4, a.ranges().get(0).size());
    }

    @Test
    void freedPagesAreRecycledLifoThroughTheRcache() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        long x = a.allocate(K4, MASK64, true);
        long y = a.allocate(K4, MASK64, true);
        a.free(x, K4);
        a.free(y, K4);
        assertEquals(2, a.domain().cachedCount());
        assertEquals(y, a.allocate(K4, MASK64, true));
        assertEquals(x, a.allocate(K4, MASK64, true));
        assertEquals(2, a.rcacheHits());
        assertEquals(0xFFFFD000L, a.allocate(K4, MASK64, true)); // rcache empty: the tree again
    }

    @Test
    void rcacheIsPerOrder() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        long page = a.allocate(K4, MASK64, true);
        a.free(page, K4);
        long two = a.allocate(2 * K4, MASK64, true);
        assertFalse(two == page);
        assertEquals(0, a.rcacheHits());
    }

    @Test
    void fullMagazinesGoToTheDepot() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        long[] iovas = new long[3 * 128];
        for (int i = 0; i < iovas.length; i++) {
            iovas[i] = a.allocate(K4, MASK64, true);
        }
        for (long iova : iovas) {
            a.free(iova, K4);
        }
        // loaded and prev full (256), the third magazine made loaded go to the depot
        assertEquals(1, a.depotMagazines(0));
        assertEquals(iovas.length, a.domain().cachedCount());
    }

    @Test
    void rangesAboveCacheLimitAreFreedToTheTree() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        long big = a.allocate(64 * K4, MASK64, true);
        a.free(big, 64 * K4);
        assertEquals(0, a.domain().cachedCount());
        assertEquals(0, a.domain().allocatedCount());
        assertEquals(big, a.allocate(64 * K4, MASK64, true)); // cached node moved back up
    }

    @Test
    void freeingAboveCachedNodeMovesItUpSoSpaceNearTheTopIsReused() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        long first = a.allocate(64 * K4, MASK64, true);
        a.allocate(64 * K4, MASK64, true);
        a.free(first, 64 * K4); // __cached_rbnode_delete_update
        assertEquals(first, a.allocate(64 * K4, MASK64, true));
    }

    @Test
    void forcedacTakesAddressesFromTheFullLimit() {
        IovaAllocator a = fresh(K4, IovaPolicy.V6_6, true);
        assertEquals(APERTURE_44 + 1 - K4, a.allocate(K4, MASK64, true));
    }

    @Test
    void nonPciDevicesUseTheFullLimitDirectly() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        assertEquals(APERTURE_44 + 1 - K4, a.allocate(K4, MASK64, false));
    }

    @Test
    void thirtyTwoBitMaskStaysBelow4G() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        assertEquals(0xFFFFF000L, a.allocate(K4, 0xFFFF_FFFFL, false));
    }

    @Test
    void reservedMsiWindowIsSkippedWhenTheSpaceGetsThatLow() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        a.reserve(new AddressRange(0x0810_0000L, 0xFFFF_FFFFL - 0x0810_0000L + 1)); // fill above
        a.reserve(new AddressRange(ReservedRegion.MSI_IOVA_BASE, ReservedRegion.MSI_IOVA_LENGTH));
        long iova = a.allocate(K4, 0xFFFF_FFFFL, false);
        assertEquals(ReservedRegion.MSI_IOVA_BASE - K4, iova);
    }

    @Test
    void swMsiRegionIsNotReservedInADmaDomainButHardwareMsiIs() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        a.reserveRegions(List.of(ReservedRegion.armSmmuSwMsi()));
        assertEquals(0, a.domain().reservedCount());
        a.reserveRegions(List.of(new ReservedRegion(new AddressRange(0xFEE00000L, 0x100000), ReservedRegion.Type.MSI)));
        assertEquals(1, a.domain().reservedCount());
    }

    @Test
    void pciWindowBelow4GIsSkipped() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        a.reservePciWindow(new AddressRange(0xFFF0_0000L, 0x10_0000L), 0);
        assertEquals(0xFFEFF000L, a.allocate(K4, MASK64, true));
    }

    @Test
    void overlappingReservationsMerge() {
        IovaDomain d = new IovaDomain(K4, 1, IovaPolicy.V4_19);
        d.reserveIova(0x100, 0x1FF);
        d.reserveIova(0x80, 0x17F);
        d.reserveIova(0x150, 0x2FF);
        List<IovaRange> r = d.ranges();
        assertEquals(2, r.size());
        assertEquals(0x80L << 12, r.get(0).base());
        assertEquals(0x200L << 12, r.get(1).base());
        assertEquals(0x300L << 12, r.get(1).end());
    }

    @Test
    void pciDeviceFallsBackAbove4GWhenLowSpaceIsFull() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        a.reserve(new AddressRange(K4, 0x1_0000_0000L - K4));
        assertEquals(APERTURE_44 + 1 - K4, a.allocate(K4, MASK64, true));
    }

    @Test
    void v64LatchStopsThirtyTwoBitAttemptsAndLogsNotice() {
        Simulation sim = new Simulation(1);
        KernelLog log = new KernelLog(sim, "kernel1", 0);
        IovaAllocator a = fresh(K4, IovaPolicy.V6_6, false);
        a.logTo(log);
        IovaDevice dev = new IovaDevice("nvme 0000:01:00.0: ", true);
        a.reserve(new AddressRange(K4, 0xFFFC0000L - K4)); // 64 pages left below 4G
        long low = a.allocate(dev, 64 * K4, MASK64, 0);
        assertEquals(0xFFFC0000L, low);
        assertTrue(a.allocate(dev, 64 * K4, MASK64, 0) > 0xFFFF_FFFFL);
        assertFalse(dev.pci32BitWorkaround());
        assertEquals("nvme 0000:01:00.0: Using 44-bit DMA addresses", log.records().get(0).text());
        a.free(low, 64 * K4); // not cacheable: back to the tree
        assertTrue(a.allocate(dev, K4, MASK64, 0) > 0xFFFF_FFFFL); // no longer tries low
        IovaAllocator old = fresh(K4, IovaPolicy.V4_19, false);
        IovaDevice dev2 = new IovaDevice("", true);
        old.reserve(new AddressRange(K4, 0xFFFC0000L - K4));
        long low2 = old.allocate(dev2, 64 * K4, MASK64, 0);
        old.allocate(dev2, 64 * K4, MASK64, 0);
        old.free(low2, 64 * K4);
        assertEquals(0xFFFFF000L, old.allocate(dev2, K4, MASK64, 0)); // v4.19 keeps trying low
    }

    @Test
    void max32AllocSizeFailsFastUntilA32BitFree() {
        IovaDomain d = new IovaDomain(K4, 1, IovaPolicy.V5_11);
        d.reserveIova(1, 0xFFFFF - 2); // two pages left: 0xFFFFE, 0xFFFFF
        assertEquals(0, d.allocIova(4, 0xFFFFF));
        assertEquals(4, d.max32AllocSize());
        long p = d.allocIova(2, 0xFFFFF);
        assertEquals(0xFFFFE, p);
        d.freeIova(p);
        assertEquals(d.dma32BitPfn(), d.max32AllocSize());
    }

    @Test
    void retryFromTopFindsAlignmentHoleAboveTheCachedNode() {
        for (IovaPolicy p : List.of(IovaPolicy.V5_11, IovaPolicy.V4_19)) {
            IovaDomain d = new IovaDomain(K4, 1, p);
            assertEquals(0xFFFFF, d.allocIova(1, 0xFFFFF));
            assertEquals(0xFFFF8, d.allocIova(4, 0xFFFFF)); // leaves 0xFFFFC-0xFFFFE free
            d.reserveIova(1, 0xFFFF7);                      // reserve_iova keeps cached32_node
            assertEquals(p.retryFromTop() ? 0xFFFFE : 0, d.allocIova(1, 0xFFFFF));
        }
    }

    @Test
    void failureIsReportedAsMinusOne() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        a.reserve(new AddressRange(K4, 0x1_0000_0000L - K4));
        assertEquals(-1, a.allocate(K4, 0xFFFF_FFFFL, true));
        assertEquals(1, a.failures());
    }

    @Test
    void freeOfUnknownIovaIsRejected() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        assertThrows(IllegalArgumentException.class, () -> a.free(0x1000, K4));
    }

    @Test
    void iovaZeroIsNeverReturned() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        a.reserve(new AddressRange(2 * K4, 0x1_0000_0000L - 2 * K4));
        assertEquals(K4, a.allocate(K4, 0xFFFF_FFFFL, false));
        assertEquals(-1, a.allocate(K4, 0xFFFF_FFFFL, false));
    }

    @Test
    void lowestIovaInUseIgnoresReservations() {
        IovaAllocator a = fresh(K4, IovaPolicy.V4_19, false);
        a.reserve(new AddressRange(ReservedRegion.MSI_IOVA_BASE, ReservedRegion.MSI_IOVA_LENGTH));
        a.allocate(K4, MASK64, true);
        long second = a.allocate(K4, MASK64, true);
        assertEquals(second, a.lowestIovaInUse());
    }
}
