package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.scenarios.model.CounterRange;
import dev.kdumpsim.scenarios.model.Expectations;
import dev.kdumpsim.scenarios.model.VerdictExpectation;
import dev.kdumpsim.scenarios.value.Bdf;
import dev.kdumpsim.scenarios.value.LogPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.google.re2j.Pattern;

/**
 * Checks a scenario's {@code expect:} against a report and the log lines; each failure is one
 * human sentence naming the expectation, what was expected and what the run gave.
 */
public final class ExpectationChecker {

    private ExpectationChecker() {
    }

    /** {@code lines} is read once per log pattern, in order (a long run's log streams from disk). */
    public static List<String> check(Expectations e, Map<String, Object> report, Iterable<String> lines) {
        List<String> f = new ArrayList<>();
        if (e == null) {
            return f;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) report.get("verdict");
        VerdictExpectation ve = e.verdict();
        if (ve != null) {
            ve.kdumpCorrupted().ifPresent(x -> same(f, "verdict.kdumpCorrupted", x, v.get("kdumpCorrupted")));
            ve.firstCorruption().ifPresent(x -> {
                Object fc = v.get("firstCorruption");
                Object role = fc instanceof Map<?, ?> m ? m.get("role") : "none";
                same(f, "verdict.firstCorruption", x, role);
            });
            ve.dumpSaved().ifPresent(x -> same(f, "verdict.dumpSaved", x, v.get("dumpSaved")));
            ve.dumpTaintedPages().ifPresent(x -> range(f, "verdict.dumpTaintedPages", x, v.get("dumpTaintedPages")));
            ve.wedgedDevices().ifPresent(x -> {
                List<String> want = x.stream().map(Bdf::pciName).sorted().toList();
                same(f, "verdict.wedgedDevices", want, v.get("wedgedDevices"));
            });
            ve.kdumpKernel().ifPresent(x -> {
                if (!x.specName().equals(v.get("kdumpKernel"))) {
                    f.add("verdict.kdumpKernel: expected " + x.specName() + ", got " + v.get("kdumpKernel")
                            + (v.get("kdumpKernelReason") == null ? "" : " (" + v.get("kdumpKernelReason") + ")"));
                }
            });
        }
        for (Map.Entry<String, CounterRange> c : e.counters().entrySet()) {
            Object got = lookup(report, c.getKey());
            if (got == null && !c.getKey().startsWith("smmuEvents.byId.")) {
                f.add("counter " + c.getKey() + ": no such counter in the report");
                continue;
            }
            range(f, "counter " + c.getKey(), c.getValue(), got == null ? 0L : got);
        }
        for (LogPattern p : e.log()) {
            Pattern re = p.compile();
            if (!anyMatch(lines, re)) {
                f.add("log: no line matches /" + p.regex() + "/");
            }
        }
        for (LogPattern p : e.logAbsent()) {
            Pattern re = p.compile();
            String l = firstMatch(lines, re);
            if (l != null) {
                f.add("logAbsent: /" + p.regex() + "/ matches \"" + l + "\"");
            }
        }
        // one pass for the whole order: each pattern is looked for after the line the previous one matched
        int at = 0;
        int i = 0;
        java.util.Iterator<String> it = lines.iterator();
        for (LogPattern p : e.logOrder()) {
            Pattern re = p.compile();
            boolean found = false;
            while (it.hasNext()) {
                String l = it.next();
                i++;
                if (re.matcher(l).find()) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                f.add("logOrder: no line matching /" + p.regex() + "/ after line " + at);
                break;
            }
            at = i;
        }
        return f;
    }

    /** Whether any of {@code lines} has a match of {@code re}. */
    static boolean anyMatch(Iterable<String> lines, Pattern re) {
        return firstMatch(lines, re) != null;
    }

    /** The first of {@code lines} with a match of {@code re}, or null. */
    private static String firstMatch(Iterable<String> lines, Pattern re) {
        for (String l : lines) {
            if (re.matcher(l).find()) {
                return l;
            }
        }
        return null;
    }

    /**
     * The value at a dotted path ("ledger.fates.translated", "smmuEvents.byId.0x02",
     * "aer.0000:01:00.0.errors"), or null. At each level the longest key that prefixes the rest
     * of the path is taken, so keys that contain dots (pci_name) are addressable.
     */
    public static Object lookup(Map<String, Object> report, String path) {
        Object cur = report;
        String rest = path;
        while (cur instanceof Map<?, ?> m) {
            if (m.containsKey(rest)) {
                return m.get(rest);
            }
            String best = null;
            for (Object k : m.keySet()) {
                String key = String.valueOf(k);
                if (rest.startsWith(key) && rest.length() > key.length() && rest.charAt(key.length()) == '.'
                        && (best == null || key.length() > best.length())) {
                    best = key;
                }
            }
            if (best == null) {
                return null;
            }
            cur = m.get(best);
            rest = rest.substring(best.length() + 1);
        }
        return null;
    }

    private static void same(List<String> f, String what, Object want, Object got) {
        if (!String.valueOf(want).equals(String.valueOf(got))) {
            f.add(what + ": expected " + want + ", got " + got);
        }
    }

    private static void range(List<String> f, String what, CounterRange r, Object got) {
        long value;
        if (got instanceof Number n) {
            value = n.longValue();
        } else if (got instanceof Boolean b) {
            value = b ? 1 : 0;
        } else {
            f.add(what + ": not a number (" + got + ")");
            return;
        }
        if (!r.contains(value)) {
            f.add(what + ": expected " + r.min() + ".." + r.max().map(String::valueOf).orElse("") + ", got " + value);
        }
    }
}
