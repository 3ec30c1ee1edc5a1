package dev.kdumpsim.scenarios.run;

import dev.kdumpsim.kernel.verdict.LedgerFate;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.ArrayList;
import java.util.List;

/**
 * The counters of {@code report.json} ({@link RunReport}) an {@code expect.counters} path may
 * name, known before the run from the scenario: the numeric and boolean leaves of verdict,
 * ledger, smmuEvents, aer (one entry per endpoint function, keyed by its pci_name), pcieErrors and
 * timeline. {@code smmuEvents.byId.<id>} names any event id (absent ids count 0). A test keeps
 * this list equal to the leaves of real reports.
 */
public final class ReportPaths {

    /** Prefix of per-event-id counters; any id is accepted. */
    public static final String BY_ID = "smmuEvents.byId.";

    private ReportPaths() {
    }

    /** Every counter path of a report of {@code s}, in report order. */
    public static List<String> counters(Scenario s) {
        List<String> p = new ArrayList<>();
        p.add("seed");
        for (String k : new String[] {"kdumpCorrupted", "liveWrites", "freeWrites", "dumpSaved", "dumpTaintedPages"}) {
            p.add("verdict." + k);
        }
        p.add("ledger.issued");
        for (LedgerFate f : LedgerFate.values()) {
            p.add("ledger.fates." + f.key());
        }
        p.add("ledger.inFlight");
        p.add("ledger.balanced");
        for (String k : new String[] {"raised", "printed", "suppressed", "lost", "written", "discardedQueueOff", "merged", "overflowReports"}) {
            p.add("smmuEvents." + k);
        }
        for (Endpoint e : s.platform().pcie().topology().endpoints()) {
            for (int f = 0; f < e.functions(); f++) {
                String fn = new Bdf(e.bdf().segment(), e.bdf().bus(), e.bdf().device(), e.bdf().function() + f).pciName();
                for (String k : new String[] {"errors", "abortedCompletions", "completionTimeouts", "wedged"}) {
                    p.add("aer." + fn + "." + k);
                }
            }
        }
        for (String k : new String[] {"staleCleared", "recoveries", "recovered", "linkResets", "firmwareRecords", "firmwareDropped",
            "ghesPrinted", "ghesCached", "ghesSuppressed"}) {
            p.add("pcieErrors." + k);
        }
        p.add("timeline.simulationEvents");
        return p;
    }

    /** Whether {@code path} names a counter of a report of {@code s}. */
    public static boolean exists(String path, Scenario s) {
        return (path.startsWith(BY_ID) && path.length() > BY_ID.length()) || counters(s).contains(path);
    }
}
