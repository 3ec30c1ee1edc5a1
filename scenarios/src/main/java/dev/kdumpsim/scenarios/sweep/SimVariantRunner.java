package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs sweep variants through the simulator (registered for {@code ServiceLoader} in
 * META-INF/services). Each call builds its own Machine, so concurrent calls share nothing; the
 * metrics are the report's counters flattened to dotted keys, always in the same order.
 */
public final class SimVariantRunner implements VariantRunner {

    /** The version string reports carry in sweeps (outputs must not depend on the build). */
    static final String VERSION = "sweep";

    @Override
    public VariantOutcome run(Scenario variant) {
        ScenarioRunner.Outcome o = ScenarioRunner.run(variant, VERSION);
        return new VariantOutcome(o.passed(), o.failures(), metrics(o.report()), o.result().endNs());
    }

    /**
     * The flat metrics of a report: verdict fields, ledger, SMMU events, AER totals and per device
     * ({@code aer.0000:01:00.0.errors}, {@code .wedged}), and how the kdump kernel handled PCIe errors
     * ({@code pcieErrors.*}).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> metrics(Map<String, Object> report) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> v = (Map<String, Object>) report.get("verdict");
        m.put("verdict.kdumpCorrupted", v.get("kdumpCorrupted"));
        Object fc = v.get("firstCorruption");
        m.put("verdict.firstCorruption", fc instanceof Map<?, ?> f ? f.get("role") : null);
        m.put("verdict.liveWrites", v.get("liveWrites"));
        m.put("verdict.freeWrites", v.get("freeWrites"));
        m.put("verdict.dumpSaved", v.get("dumpSaved"));
        m.put("verdict.dumpTaintedPages", v.get("dumpTaintedPages"));
        m.put("verdict.wedgedDevices", (long) ((List<?>) v.get("wedgedDevices")).size());
        m.put("verdict.kdumpKernel", v.get("kdumpKernel"));
        m.put("verdict.kdumpAlive", "alive".equals(v.get("kdumpKernel")));
        Map<String, Object> l = (Map<String, Object>) report.get("ledger");
        m.put("ledger.issued", l.get("issued"));
        ((Map<String, Object>) l.get("fates")).forEach((k, x) -> m.put("ledger.fates." + k, x));
        m.put("ledger.inFlight", l.get("inFlight"));
        Map<String, Object> e = (Map<String, Object>) report.get("smmuEvents");
        for (String k : new String[] {"raised", "printed", "suppressed", "lost", "discardedQueueOff"}) {
            m.put("smmuEvents." + k, e.get(k));
        }
        long aerErrors = 0;
        for (Object d : ((Map<String, Object>) report.get("aer")).values()) {
            aerErrors += ((Number) ((Map<String, Object>) d).get("errors")).longValue();
        }
        m.put("aer.errors", aerErrors);
        ((Map<String, Object>) report.get("aer")).forEach((bdf, d) -> {
            Map<String, Object> dev = (Map<String, Object>) d;
            m.put("aer." + bdf + ".errors", dev.get("errors"));
            m.put("aer." + bdf + ".wedged", dev.get("wedged"));
        });
        ((Map<String, Object>) report.get("pcieErrors")).forEach((k, x) -> m.put("pcieErrors." + k, x));
        return m;
    }
}
