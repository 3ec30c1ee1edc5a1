package dev.kdumpsim.kernel.iommu;

import java.util.Map;

/**
 * Fault accounting of an IOMMU's hardware over the whole run: faults raised; recorded where
 * software can read them (an event queue entry, a fault recording register); lost to overflow;
 * discarded because recording was disabled; merged by the hardware; and raised per fault code
 * ({@code "0x02"} for SMMUv3 C_BAD_STREAMID, a VT-d fault reason).
 */
public record IommuFaultCounts(long raised, long recorded, long lostOverflow, long discarded, long merged,
        Map<String, Long> byCode) {

    public IommuFaultCounts {
        byCode = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byCode));
    }
}
