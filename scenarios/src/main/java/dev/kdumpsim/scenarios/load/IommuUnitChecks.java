package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.kernel.smmu.SmmuFeatures;
import dev.kdumpsim.scenarios.model.StreamTableFormat;
import dev.kdumpsim.scenarios.value.HexValue;

import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.model.Smmu;
import dev.kdumpsim.scenarios.model.Vtd;
import java.util.Set;
import java.util.TreeSet;

/**
 * The IOMMU unit's parameters as its registers can encode them and the modelled driver runs them:
 * the SMMUv3's IDR fields, every endpoint's StreamID inside the SMMU's StreamID space, and the
 * VT-d unit's CAP/ECAP choices.
 */
final class IommuUnitChecks {

    /** SMMU_IDR5.OAS encodings (SMMUv3 spec 6.3.6): 32, 36, 40, 42, 44, 48, 52 bits. */
    private static final Set<Integer> OAS_BITS = Set.of(32, 36, 40, 42, 44, 48, 52);

    private final Locations at;

    IommuUnitChecks(Locations at) {
        this.at = at;
    }

    void smmu(Smmu smmu) throws ScenarioException {
        if (smmu.sidSizeBits() < 0 || smmu.sidSizeBits() > 32) {
            throw at.error(smmu, "sidSizeBits", "IDR1.SIDSIZE is 0 to 32 bits, not " + smmu.sidSizeBits(), "16 is common for PCIe");
        }
        if (!OAS_BITS.contains(smmu.oasBits())) {
            throw at.error(smmu, "oasBits", "IDR5.OAS has no " + smmu.oasBits() + "-bit encoding", "one of " + new TreeSet<>(OAS_BITS));
        }
        if (smmu.eventQueueLog2Entries() < 0 || smmu.eventQueueLog2Entries() > 19) {
            throw at.error(smmu, "eventQueueLog2Entries", "event queue log2 size must be 0 to 19 (IDR1.EVENTQS)", "Linux uses 7");
        }
        if (smmu.features().isPresent()) {
            features(smmu, smmu.features().get());
        }
    }

    /** A printed feature mask the model's ID registers can give, and that agrees with streamTable. */
    private void features(Smmu smmu, HexValue f) throws ScenarioException {
        if (!f.fits(32)) {
            throw at.error(smmu, "features", "the driver's feature mask is a 32-bit value, got " + f, "0x1fef (the model's SMMU)");
        }
        String why = SmmuFeatures.unreachable((int) f.value());
        if (why != null) {
            throw at.error(smmu, "features", "no SMMU the model builds prints features " + f + ": " + why,
                    "the bits of FEAT_2_LVL_STRTAB (0x1) to FEAT_STALL_FORCE (0x2000), e.g. 0x1fef");
        }
        boolean twoLevel = (f.value() & SmmuFeatures.FEAT_2_LVL_STRTAB) != 0;
        if (twoLevel != (smmu.streamTable() == StreamTableFormat.TWO_LEVEL)) {
            throw at.error(smmu, "features", "features " + f + (twoLevel ? " has" : " lacks") + " 2_LVL_STRTAB but streamTable is "
                    + smmu.streamTable().specName(), "write streamTable: " + (twoLevel ? "2-level" : "linear"));
        }
    }

    /** requesterIdToStreamId (the iommu-map) and every endpoint function's StreamID within IDR1.SIDSIZE. */
    void streamIds(Scenario s) throws ScenarioException {
        var map = s.platform().pcie().requesterIdToStreamId();
        if (map.base() < 0 || map.base() > 0xffff) {
            throw at.error(map, "base", "requester ID base " + map.base() + " is not a 16-bit requester ID", "0 to 0xffff (iommu-map rid-base)");
        }
        if (map.offset() < 0) {
            throw at.error(map, "offset", "StreamID offset " + map.offset() + " is negative: StreamIDs start at 0",
                    "iommu-map's iommu-base is an unsigned StreamID");
        }
        long limit = 1L << s.platform().smmu().sidSizeBits();
        for (Endpoint e : s.platform().pcie().topology().endpoints()) {
            long sid = (long) e.bdf().requesterId() - map.base() + map.offset();
            if (sid < 0 || sid + e.functions() - 1 >= limit) {
                throw at.error(e, "bdf", e.bdf() + " maps to StreamID " + sid + ", outside the SMMU's " + s.platform().smmu().sidSizeBits()
                        + "-bit StreamID space", "check requesterIdToStreamId or sidSizeBits");
            }
        }
    }

    /**
     * The VT-d unit's choices: CAP.NFR and CAP.ND encodings (VT-d §11.4.2), ECAP.IR only with
     * ECAP.QI (§11.4.3), and what the modelled intel-iommu driver needs (queued invalidation).
     * scalableMode is accepted: the driver programs scalable mode when the kernel asks
     * (intel_iommu=sm_on, 5.0+) and legacy mode otherwise, as Linux does on such a unit.
     */
    void vtd(Vtd v) throws ScenarioException {
        if (v.faultRecordCount() < 1 || v.faultRecordCount() > 256) {
            throw at.error(v, "faultRecordCount", "CAP.NFR encodes 1 to 256 fault recording registers, not " + v.faultRecordCount(),
                    "8 is common");
        }
        if (v.domainIdBits() < 4 || v.domainIdBits() > 16 || (v.domainIdBits() & 1) != 0) {
            throw at.error(v, "domainIdBits", "CAP.ND encodes 4, 6, ... 16 domain-id bits, not " + v.domainIdBits(), "16 is common");
        }
        if (!v.queuedInvalidation()) {
            throw at.error(v, "queuedInvalidation", "the modelled intel-iommu driver invalidates through the queue only",
                    "remove queuedInvalidation (true)");
        }
        if (v.commandLatency().nanos() < 0) {
            throw at.error(v, "commandLatency", "a latency cannot be negative", "1us is the default");
        }
    }
}
