package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.Map;

/**
 * SMMU events over the whole run (both kernels): raised by the SMMU; written to the queue; printed
 * by an event thread (five lines each); suppressed by its ratelimit; lost to queue overflow;
 * discarded because the queue was disabled; merged by the SMMU; and raised counts per EventID
 * ("0x02" -> n), in id order.
 */
@KernelApi
public record SmmuEventSummary(long raised, long written, long printed, long suppressed, long lost,
        long discardedQueueOff, long merged, long overflowReports, Map<String, Long> raisedById) {

    public SmmuEventSummary {
        raisedById = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raisedById));
    }

    /** report.json's {@code smmuEvents} (every IOMMU model's events or faults, by the name of the first model). */
    public StatsGroup stats() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("raised", raised);
        m.put("printed", printed);
        m.put("suppressed", suppressed);
        m.put("lost", lost);
        m.put("written", written);
        m.put("discardedQueueOff", discardedQueueOff);
        m.put("merged", merged);
        m.put("overflowReports", overflowReports);
        m.put("byId", new java.util.LinkedHashMap<String, Object>(raisedById));
        return new StatsGroup("smmuEvents", m);
    }
}
