package dev.kdumpsim.kernel.iova;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Random map/unmap sequences checked against a plain sorted map of live ranges. */
class IovaAllocatorFuzzTest {

    private static final long K4 = 4096;
    private static final long APERTURE = 0x1_00FF_FFFFL; // 16 MiB above 4 GiB: forces failures and fallbacks

    @Test
    void randomAllocFreeKeepsRangesDisjointAlignedInBoundsAndReusable() {
        List<IovaPolicy> policies = List.of(IovaPolicy.V4_19, IovaPolicy.V5_11, IovaPolicy.V6_6);
        for (long seed = 1; seed <= 30; seed++) {
            try {
                run(seed, policies.get((int) (seed % 3)));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private void run(long seed, IovaPolicy policy) {
        SplittableRandom rnd = new Simulation(seed).random().stream("iova-fuzz");
        int cpus = 1 + (int) (seed % 2);
        IovaAllocator a = IovaAllocator.forDmaDomain(K4, 0, policy, cpus, APERTURE, seed % 5 == 0);
        List<AddressRange> reserved = List.of(new AddressRange(K4, 0xFF00_0000L - K4),
                new AddressRange(0xFF80_0000L, 0x10_0000L));
        reserved.forEach(a::reserve);
        TreeMap<Long, Long> live = new TreeMap<>(); // base -> reserved bytes in the tree
        Map<Long, Long> mapped = new TreeMap<>();   // base -> bytes asked for
        for (int op = 0; op < 3000; op++) {
            if (live.isEmpty() || rnd.nextInt(100) < 55) {
                long bytes = 1 + rnd.nextLong(48 * K4);
                long limit = rnd.nextBoolean() ? 0xFFFF_FFFFL : -1L;
                boolean pci = rnd.nextBoolean();
                long iova = a.allocate(bytes, limit, pci);
                if (iova == -1) {
                    continue;
                }
                long pages = (bytes + K4 - 1) / K4;
                long pow2 = Long.highestOneBit(pages - 1) << 1;
                if (pages == 1) {
                    pow2 = 1;
                }
                long treeBytes = (pages < 32 ? pow2 : pages) * K4;
                long effLimit = Long.compareUnsigned(limit, APERTURE) > 0 ? APERTURE : limit;
                assertTrue(iova >= K4, "IOVA 0 page handed out");
                assertEquals(0, (iova / K4) % pow2, () -> "not naturally aligned: " + Long.toHexString(iova));
                assertTrue(iova + treeBytes - 1 <= effLimit, () -> "beyond limit: " + Long.toHexString(iova));
                AddressRange r = new AddressRange(iova, treeBytes);
                for (AddressRange res : reserved) {
                    assertTrue(!res.overlaps(r), () -> "overlaps reservation: " + r);
                }
                Map.Entry<Long, Long> below = live.floorEntry(iova + treeBytes - 1);
                assertTrue(below == null || below.getKey() + below.getValue() <= iova,
                        () -> "overlaps live range at " + Long.toHexString(below.getKey()));
                live.put(iova, treeBytes);
                mapped.put(iova, bytes);
            } else {
                List<Long> keys = new ArrayList<>(live.keySet());
                long iova = keys.get(rnd.nextInt(keys.size()));
                long bytes = mapped.remove(iova);
                live.remove(iova);
                a.free(iova, bytes, rnd.nextInt(cpus));
                // every freed range is reusable: the same request succeeds right away
                long again = a.allocate(bytes, -1L, false);
                assertNotEquals(-1L, again, "freed range not reusable");
                a.free(again, bytes, 0);
            }
            assertEquals(live.size(), a.domain().allocatedCount());
        }
    }
}
