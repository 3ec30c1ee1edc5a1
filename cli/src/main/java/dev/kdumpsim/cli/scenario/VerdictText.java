package dev.kdumpsim.cli.scenario;

import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.util.Map;

/** The human summary printed after the logs: the verdict, the ledger, events, AER, expectations. */
final class VerdictText {

    private VerdictText() {
    }

    @SuppressWarnings("unchecked")
    static String of(ScenarioRunner.Outcome o) {
        Map<String, Object> r = o.report();
        Map<String, Object> v = (Map<String, Object>) r.get("verdict");
        Map<String, Object> l = (Map<String, Object>) r.get("ledger");
        Map<String, Object> e = (Map<String, Object>) r.get("smmuEvents");
        Map<String, Object> t = (Map<String, Object>) r.get("timeline");
        StringBuilder sb = new StringBuilder();
        sb.append("=== verdict: ").append(r.get("scenario")).append(" (seed ").append(r.get("seed")).append(") ===\n");
        if (Boolean.TRUE.equals(v.get("kdumpCorrupted"))) {
            sb.append("kdump kernel: CORRUPTED by stray DMA\n");
        } else {
            sb.append("kdump kernel: not corrupted\n");
        }
        Object fc = v.get("firstCorruption");
        if (fc instanceof Map<?, ?> f) {
            sb.append(String.format("  first stray write into crashkernel: %s at IOVA %s -> PA %s, %s (%s), fate %s, kdump time %s%n",
                    f.get("device"), f.get("address"), f.get("physicalAddress"), f.get("role"), f.get("region"),
                    f.get("fate"), f.get("kdumpTime")));
        }
        sb.append(String.format("  stray writes: %s onto live kdump data, %s onto free crashkernel memory%n",
                v.get("liveWrites"), v.get("freeWrites")));
        Object w = t.get("bypassWindow");
        if (w instanceof Map<?, ?> bw) {
            sb.append(String.format("  SMMU bypass window: kdump %s .. %s (%s ns)%n", bw.get("kdumpStart"), bw.get("kdumpEnd"),
                    bw.get("durationNs")));
        }
        sb.append(String.format("dump: %s; %s kernel #1 pages written by DMA after the panic (tainted)%n",
                Boolean.TRUE.equals(v.get("dumpSaved")) ? "saved" : "NOT saved (" + v.get("dumpFailure") + ")",
                v.get("dumpTaintedPages")));
        sb.append("wedged devices: ").append(v.get("wedgedDevices")).append('\n');
        sb.append("ledger: ").append(l.get("issued")).append(" issued =");
        Map<String, Object> fates = (Map<String, Object>) l.get("fates");
        boolean firstTerm = true;
        for (Map.Entry<String, Object> f : fates.entrySet()) {
            if (((Number) f.getValue()).longValue() != 0) {
                sb.append(firstTerm ? " " : " + ").append(f.getKey()).append(' ').append(f.getValue());
                firstTerm = false;
            }
        }
        sb.append(" + in flight ").append(l.get("inFlight")).append('\n');
        sb.append(String.format("SMMU events: %s raised, %s printed, %s suppressed, %s lost, %s discarded (queue off); by id %s%n",
                e.get("raised"), e.get("printed"), e.get("suppressed"), e.get("lost"), e.get("discardedQueueOff"), e.get("byId")));
        Map<String, Object> aer = (Map<String, Object>) r.get("aer");
        for (Map.Entry<String, Object> a : aer.entrySet()) {
            Map<String, Object> d = (Map<String, Object>) a.getValue();
            sb.append(String.format("AER %s: %s errors, reported %s%s%n", a.getKey(), d.get("errors"), d.get("reported"),
                    Boolean.TRUE.equals(d.get("wedged")) ? ", wedged" : ""));
        }
        if (o.scenario().expect() != null) {
            sb.append(o.passed() ? "expectations: all passed\n" : "expectations: " + o.failures().size() + " FAILED\n");
        }
        return sb.toString();
    }
}
