package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.kernel.machine.RunResult;
import dev.kdumpsim.kernel.verdict.Corruption;
import dev.kdumpsim.kernel.verdict.StatsGroup;
import dev.kdumpsim.kernel.verdict.LedgerFate;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.scenarios.binding.ScenarioJson;
import dev.kdumpsim.scenarios.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of one run as an ordered JSON tree (the {@code report.json} contract of issue 7):
 * {@code scenario, seed, version, parameters, verdict, ledger, smmuEvents, aer, pcieErrors, timeline,
 * expectations}. Every key is always present; a value that does not apply is null.
 */
public final class RunReport {

    private RunReport() {
    }

    public static Map<String, Object> build(Scenario s, RunResult r, String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.name());
        m.put("seed", s.seed());
        m.put("version", version);
        m.put("parameters", ScenarioJson.toJsonValue(s));
        m.put("verdict", verdict(r));
        m.put("ledger", ledger(r));
        for (StatsGroup g : r.stats()) {
            m.put(g.name(), new LinkedHashMap<>(g.values()));
        }
        m.put("timeline", timeline(r));
        return m;
    }


    private static Map<String, Object> verdict(RunResult r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kdumpCorrupted", r.verdict().kdumpCorrupted());
        Corruption c = r.verdict().firstCorruption();
        if (c == null) {
            v.put("firstCorruption", null);
        } else {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("role", c.role());
            f.put("region", c.region());
            f.put("device", Bdf.pciName(c.requesterId()));
            f.put("address", hex(c.address()));
            f.put("physicalAddress", hex(c.physicalAddress()));
            f.put("fate", c.fate().key());
            f.put("kdumpTime", r.kdumpBootNs() >= 0 && c.timeNs() >= r.kdumpBootNs() ? seconds(c.timeNs() - r.kdumpBootNs()) : null);
            f.put("simulationTimeNs", c.timeNs());
            v.put("firstCorruption", f);
        }
        v.put("liveWrites", r.verdict().liveWrites());
        v.put("freeWrites", r.verdict().freeWrites());
        v.put("dumpSaved", r.verdict().dumpSaved());
        v.put("dumpFailure", r.verdict().dumpFailure().isEmpty() ? null : r.verdict().dumpFailure());
        v.put("dumpTaintedPages", (long) r.verdict().dumpTaintedPages());
        v.put("wedgedDevices", new ArrayList<>(r.verdict().wedgedDevices()));
        v.put("kdumpKernel", r.verdict().kdumpKernel().specName());
        v.put("kdumpKernelReason", r.verdict().kdumpKernelReason().isEmpty() ? null : r.verdict().kdumpKernelReason());
        return v;
    }

    private static Map<String, Object> ledger(RunResult r) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("issued", r.issued());
        Map<String, Object> f = new LinkedHashMap<>();
        for (LedgerFate fate : LedgerFate.values()) {
            f.put(fate.key(), r.fates().get(fate));
        }
        l.put("fates", f);
        l.put("inFlight", r.inFlight());
        l.put("balanced", r.accounted() == r.issued());
        return l;
    }



    private static Map<String, Object> timeline(RunResult r) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("panic", r.panicNs() >= 0 ? seconds(r.panicNs()) : null);
        t.put("kdumpBoot", r.kdumpBootNs() >= 0 ? seconds(r.kdumpBootNs()) : null);
        if (r.bypassWindow().isEmpty()) {
            t.put("bypassWindow", null);
        } else {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("kdumpStart", seconds(r.bypassWindow().get(0) - r.kdumpBootNs()));
            w.put("kdumpEnd", seconds(r.bypassWindow().get(1) - r.kdumpBootNs()));
            w.put("durationNs", r.bypassWindow().get(1) - r.bypassWindow().get(0));
            t.put("bypassWindow", w);
        }
        t.put("end", seconds(r.endNs()));
        t.put("simulationEvents", r.events());
        return t;
    }

    /** Both logs, dmesg style, each under a header naming the kernel (the whole string: short runs and tests; {@link KernelLogText} streams it). */
    public static String kernelLog(RunResult r) {
        return new KernelLogText(r).toString();
    }

    /** Every log line of both kernels, in order (what log expectations match against), read as the iteration goes. */
    public static Iterable<String> logLines(RunResult r) {
        return new KernelLogText(r).recordLines();
    }

    static String hex(long v) {
        return String.format(Locale.ROOT, "0x%016x", v);
    }

    /** {@code ns} as seconds with six decimals ("12.345678"), as report.json's timeline and junit.xml's times print them. */
    public static String seconds(long ns) {
        return String.format(Locale.ROOT, "%d.%06d", ns / 1_000_000_000L, (ns % 1_000_000_000L) / 1000);
    }

    /** Pretty JSON of a report tree. */
    public static String toJson(Map<String, Object> report) {
        return ScenarioJson.toJson(report);
    }
}
