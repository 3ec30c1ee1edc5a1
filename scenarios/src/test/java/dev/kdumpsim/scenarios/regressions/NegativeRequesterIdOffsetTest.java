package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;

import org.junit.jupiter.api.Test;

/**
 * What broke: {@code requesterIdToStreamId: {base: 0, offset: -16}} validated whenever every
 * endpoint's StreamID stayed positive, and run failed in sim-pcie's RequesterIdMap ("bad
 * iommu-map"); a base above 0xffff likewise. Fix: base is a 16-bit requester ID and offset an
 * unsigned StreamID (the device tree iommu-map's rid-base and iommu-base), checked at the key.
 */
class NegativeRequesterIdOffsetTest {

    @Test
    void negativeOffsetAndOutOfRangeBaseAreLocated() {
        String map = Hostile.BASE.replace("  pcie:\n", "  pcie:\n    requesterIdToStreamId: {base: 0, offset: -16}\n");
        assertAt(error(map), "s.yaml", 4, 46, "StreamID offset -16 is negative");
        assertAt(error(map.replace("base: 0, offset: -16", "base: 0x10000, offset: 0")), "s.yaml", 4, 35, "not a 16-bit requester ID");
    }
}
