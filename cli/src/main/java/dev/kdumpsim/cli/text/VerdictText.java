package dev.kdumpsim.cli.text;

import dev.kdumpsim.kernel.verdict.LedgerFate;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.smmuv3.EventRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict after the logs, in plain words: corruption and where it landed, the SMMU bypass
 * window, the dump, wedged devices, what happened to every DMA transaction (each ledger fate
 * explained, its report.json key in brackets), SMMU events, AER, and every expectation with its
 * result. Times are seconds with "s", on the clock the text names. Reads only the report tree, so
 * it says nothing report.json does not.
 */
public final class VerdictText {

    /** What each ledger fate means, in the words of the model (sim-kernel LedgerFate). */
    /** What a fate means, in plain words (for the text verdict and the HTML legend). */
    public static String meaning(LedgerFate f) {
        return MEANING.get(f);
    }

    private static final Map<LedgerFate, String> MEANING = new EnumMap<>(LedgerFate.class);

    static {
        MEANING.put(LedgerFate.TRANSLATED, "translated by the IOMMU as its owner intended");
        MEANING.put(LedgerFate.TRANSLATED_STALE_INTO_KDUMP, "stale DMA of the crashed kernel translated by the kdump kernel's new tables into kdump memory");
        MEANING.put(LedgerFate.BYPASSED_CRASHKERNEL_LIVE, "bypassed the IOMMU onto crashkernel memory the kdump kernel was using");
        MEANING.put(LedgerFate.BYPASSED_CRASHKERNEL_FREE, "bypassed the IOMMU onto crashkernel memory the kdump kernel had not allocated");
        MEANING.put(LedgerFate.BYPASSED_KERNEL1, "bypassed the IOMMU onto kernel #1's memory (what the dump saves)");
        MEANING.put(LedgerFate.BYPASSED_NO_MEMORY, "bypassed the IOMMU to an address with no DRAM behind it");
        MEANING.put(LedgerFate.ABORTED_WITH_EVENT, "aborted by the IOMMU, which recorded it (an SMMU event, a VT-d fault record)");
        MEANING.put(LedgerFate.ABORTED_SILENT, "aborted with nothing recorded (GBPA or STE abort, event queue off or full, fault registers full)");
        MEANING.put(LedgerFate.BLOCKED_BME, "not sent: Bus Master Enable was clear");
        MEANING.put(LedgerFate.DISCARDED_RESET, "lost to a Function Level Reset inside the device");
        MEANING.put(LedgerFate.DISCARDED_LINK_DOWN, "lost on a link taken down by a Secondary Bus Reset");
    }

    private VerdictText() {
    }

    @SuppressWarnings("unchecked")
    public static String of(ScenarioRunner.Outcome o, Style st) {
        Map<String, Object> r = o.report();
        Map<String, Object> v = (Map<String, Object>) r.get("verdict");
        Map<String, Object> t = (Map<String, Object>) r.get("timeline");
        StringBuilder sb = new StringBuilder();
        sb.append(st.bold("=== verdict: " + r.get("scenario") + " (seed " + r.get("seed") + ") ===")).append('\n');
        if (Boolean.TRUE.equals(v.get("kdumpCorrupted"))) {
            sb.append(st.bad("The kdump kernel was CORRUPTED by stray DMA")).append(": ");
        } else {
            sb.append(st.good("The kdump kernel was not corrupted")).append(": ");
        }
        sb.append(String.format(Locale.ROOT, "%s onto memory it was using, %s onto free crashkernel memory.%n",
                writes(v.get("liveWrites")), writes(v.get("freeWrites"))));
        if (v.get("firstCorruption") instanceof Map<?, ?> f) {
            sb.append(String.format(Locale.ROOT, "  First: %s wrote IOVA %s, which %s, at PA %s in %s (%s)%s.%n", f.get("device"), f.get("address"),
                    meaning((String) f.get("fate")), f.get("physicalAddress"), f.get("role"), f.get("region"),
                    f.get("kdumpTime") == null ? "" : ", at " + f.get("kdumpTime") + " s on the kdump kernel's clock"));
        }
        if (t.get("bypassWindow") instanceof Map<?, ?> w) {
            sb.append(String.format(Locale.ROOT, "  The IOMMU let DMA through untranslated from %s s to %s s on the kdump kernel's clock (%s s).%n",
                    w.get("kdumpStart"), w.get("kdumpEnd"), seconds(((Number) w.get("durationNs")).longValue())));
        }
        if (Boolean.TRUE.equals(v.get("dumpSaved"))) {
            sb.append(st.good("The dump was saved")).append("; ");
        } else {
            sb.append(st.bad("The dump was NOT saved")).append(" (").append(v.get("dumpFailure")).append("); ");
        }
        sb.append(v.get("dumpTaintedPages")).append(" of kernel #1's pages were written by DMA after the panic (tainted in the dump).\n");
        kdumpKernel(sb, v, st);
        List<?> wedged = (List<?>) v.get("wedgedDevices");
        sb.append(wedged.isEmpty() ? "No device wedged.\n" : "Wedged (stopped by uncorrectable errors): " + join(wedged) + "\n");
        ledger(sb, (Map<String, Object>) r.get("ledger"));
        events(sb, (Map<String, Object>) r.get("smmuEvents"), o.machine().config().iommu().model());
        Map<String, Object> aer = (Map<String, Object>) r.get("aer");
        for (Map.Entry<String, Object> a : aer.entrySet()) {
            Map<String, Object> d = (Map<String, Object>) a.getValue();
            List<?> reported = (List<?>) d.get("reported");
            sb.append(String.format(Locale.ROOT, "AER %s: %s errors, %s%s%n", a.getKey(), d.get("errors"),
                    reported.isEmpty() ? "none reported" : "reported " + join(reported), Boolean.TRUE.equals(d.get("wedged")) ? "; wedged" : ""));
        }
        expectations(sb, o, st);
        return sb.toString();
    }

    /** verdict.kdumpKernel: alive, or panicked / hung with the reason its log gives. */
    private static void kdumpKernel(StringBuilder sb, Map<String, Object> v, Style st) {
        Object state = v.get("kdumpKernel");
        if ("alive".equals(state)) {
            sb.append("The kdump kernel was alive at the end of the run.\n");
        } else {
            sb.append(st.bad("The kdump kernel " + String.valueOf(state).toUpperCase(java.util.Locale.ROOT)))
                    .append(v.get("kdumpKernelReason") == null ? "" : " (" + v.get("kdumpKernelReason") + ")").append(".\n");
        }
    }

    @SuppressWarnings("unchecked")
    private static void ledger(StringBuilder sb, Map<String, Object> l) {
        sb.append(String.format(Locale.ROOT, "DMA transactions: %s issued%s%n", l.get("issued"),
                Boolean.TRUE.equals(l.get("balanced")) ? ", every one accounted for:" : ", NOT all accounted for:"));
        Map<String, Object> fates = (Map<String, Object>) l.get("fates");
        for (LedgerFate f : LedgerFate.values()) {
            Object n = fates.get(f.key());
            if (n instanceof Number count && count.longValue() != 0) {
                sb.append(String.format(Locale.ROOT, "  %10d %s [%s]%n", count.longValue(), MEANING.get(f), f.key()));
            }
        }
        sb.append(String.format(Locale.ROOT, "  %10s still in flight at the end [inFlight]%n", l.get("inFlight")));
    }

    @SuppressWarnings("unchecked")
    private static void events(StringBuilder sb, Map<String, Object> e, String model) {
        boolean vtd = "vt-d".equals(model);
        sb.append(String.format(Locale.ROOT, vtd
                ? "IOMMU faults: %s raised, %s printed by the driver, %s suppressed by its rate limit, %s lost (fault recording registers full), %s not recorded"
                : "SMMU events: %s raised, %s printed by the driver, %s suppressed by its rate limit, %s lost (event queue full), %s discarded (event queue off)",
                e.get("raised"), e.get("printed"), e.get("suppressed"), e.get("lost"), e.get("discardedQueueOff")));
        Map<String, Object> byId = (Map<String, Object>) e.get("byId");
        if (!byId.isEmpty()) {
            sb.append("; by id:");
            boolean first = true;
            for (Map.Entry<String, Object> id : byId.entrySet()) {
                sb.append(first ? " " : ", ").append(id.getKey()).append(' ').append(vtd ? faultReason(id.getKey()) : eventName(id.getKey()))
                        .append(' ').append(id.getValue());
                first = false;
            }
        }
        sb.append('\n');
    }

    private static void expectations(StringBuilder sb, ScenarioRunner.Outcome o, Style st) {
        List<ExpectationList.Item> items = ExpectationList.of(o.scenario().expect(), o.failures());
        if (items.isEmpty()) {
            sb.append("Expectations: none in the scenario.\n");
            return;
        }
        long failed = items.stream().filter(i -> !i.passed()).count();
        sb.append("Expectations: ").append(items.size()).append(" checked, ")
                .append(failed == 0 ? st.good("all passed") : st.bad(failed + " FAILED")).append('\n');
        for (ExpectationList.Item i : items) {
            if (i.passed()) {
                sb.append("  ").append(st.good("passed")).append("  ").append(i.description()).append('\n');
            } else {
                sb.append("  ").append(st.bad("FAILED")).append("  ").append(i.description())
                        .append(i.failure().equals(i.description()) ? "" : " (" + i.failure() + ")").append('\n');
            }
        }
    }

    private static String meaning(String fateKey) {
        for (LedgerFate f : LedgerFate.values()) {
            if (f.key().equals(fateKey)) {
                return MEANING.get(f) + " [" + fateKey + "]";
            }
        }
        return fateKey;
    }

    /** A VT-d fault reason as Linux's dmar.c names it (dma_remap_fault_reasons, irq_remap_fault_reasons). */
    private static String faultReason(String id) {
        try {
            return "\"" + dev.kdumpsim.vtd.FaultReason.linuxName(Integer.decode(id)) + "\"";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String eventName(String id) {
        try {
            int n = Integer.decode(id);
            return new EventRecord(EventRecord.dw0(n, 0, false, 0), 0, 0, 0).eventName();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String writes(Object n) {
        return n + (Long.valueOf(1).equals(n) || Integer.valueOf(1).equals(n) ? " write" : " writes");
    }

    private static String join(List<?> l) {
        return String.join(", ", l.stream().map(String::valueOf).toList());
    }

    /** Nanoseconds as seconds, exactly: 309000 -> "0.000309", 1500 -> "0.000001500". */
    static String seconds(long ns) {
        long frac = ns % 1_000_000_000L;
        return (ns / 1_000_000_000L) + "." + (frac % 1000 == 0 ? String.format(Locale.ROOT, "%06d", frac / 1000)
                : String.format(Locale.ROOT, "%09d", frac));
    }
}
