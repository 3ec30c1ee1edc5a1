package dev.kdumpsim.kernel.verdict;

import dev.kdumpsim.kernel.api.KernelApi;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named group of a run's counters, as report.json holds it: {@code name} is its key there,
 * {@code values} its ordered fields (numbers, strings, lists, nested groups' maps). Each summary
 * that owns counters says how it reads as a group ({@code SmmuEventSummary.stats()}, ...), and the
 * report writes every group of {@link dev.kdumpsim.kernel.machine.RunResult#stats()} the same way,
 * in order, so a new group is one method in the kernel, not a mapping in each output.
 */
@KernelApi
public record StatsGroup(String name, Map<String, Object> values) {

    public StatsGroup {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A record of counters as a group: each component, in declaration order, under its own name. */
    public static StatsGroup of(String name, Record counters) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : counters.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(counters));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + counters, e);
            }
        }
        return new StatsGroup(name, m);
    }
}
