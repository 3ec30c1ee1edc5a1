package dev.kdumpsim.cli.html;

import dev.kdumpsim.cli.text.VerdictText;
import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.MemoryRegion;
import dev.kdumpsim.kernel.machine.RunResult;
import dev.kdumpsim.kernel.verdict.AerDeviceSummary;
import dev.kdumpsim.kernel.verdict.Corruption;
import dev.kdumpsim.kernel.verdict.KdumpKernelState;
import dev.kdumpsim.kernel.verdict.LedgerFate;
import dev.kdumpsim.kernel.verdict.Verdict;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code kdumpsim run FILE --html FILE.html}: one self-contained page (inline CSS and SVG, no
 * script, nothing fetched) with the verdict in plain words, both kernels' timelines with the
 * bypass window and the first stray write, the crashkernel region as a memory map, the ledger with
 * a legend of every fate, IOMMU events, AER per device, and both logs with floods folded and
 * every line anchored (timeline marks link to their lines). The page holds every log line, so
 * it is built in memory with each log as a list: a long run's page costs what its log costs.
 */
public final class RunHtml {

    private RunHtml() {
    }

    public static String render(ScenarioRunner.Outcome o) {
        RunResult r = o.result();
        Verdict v = r.verdict();
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>kdumpsim: ")
                .append(Html.esc(o.scenario().name())).append("</title>\n<style>\n").append(Css.STYLE).append("</style></head><body>\n");
        b.append("<h1>").append(Html.esc(o.scenario().name())).append(" <small>seed ").append(o.scenario().seed())
                .append("</small></h1>\n<p class=\"desc\">").append(Html.esc(o.scenario().description())).append("</p>\n");
        verdict(b, o, v);
        timelines(b, o, r);
        memoryMap(b, o, v);
        ledger(b, r);
        events(b, r);
        aer(b, r);
        b.append("<h2 id=\"log\">Logs</h2>\n<p>Floods are folded: open a line to see the rest. Times are each kernel's own clock.</p>\n");
        b.append("<h3>kernel #1</h3>\n").append(LogView.render("1", r.kernel1Log().toList()));
        b.append("<h3>kdump kernel</h3>\n").append(r.kdumpLog().isEmpty() ? "<p>The kdump kernel never booted.</p>\n"
                : LogView.render("2", r.kdumpLog().toList()));
        b.append("<footer>kdumpsim ").append(Html.esc(String.valueOf(o.report().get("version")))).append("</footer>\n</body></html>\n");
        return b.toString();
    }

    private static void verdict(StringBuilder b, ScenarioRunner.Outcome o, Verdict v) {
        boolean alive = v.kdumpKernel() == KdumpKernelState.ALIVE;
        b.append("<section class=\"verdict ").append(v.kdumpCorrupted() || !v.dumpSaved() || !alive ? "bad" : "good")
                .append("\">\n<h2>Verdict</h2>\n<ul>\n");
        if (!alive) {
            b.append("<li><b>The kdump kernel ").append(v.kdumpKernel().specName()).append("</b>: ")
                    .append(Html.esc(v.kdumpKernelReason())).append(".</li>\n");
        }
        Corruption c = v.firstCorruption();
        if (v.kdumpCorrupted() && c != null) {
            long kdumpNs = c.timeNs() - o.result().kdumpBootNs();
            b.append("<li><b>The kdump kernel's memory was corrupted.</b> First: ").append(Html.esc(Bdf.pciName(c.requesterId())))
                    .append(" wrote ").append(Html.esc(c.role())).append(" (").append(Html.esc(c.region())).append(") at PA ")
                    .append(String.format(Locale.ROOT, "0x%x", c.physicalAddress())).append(", ").append(Html.esc(Html.seconds(kdumpNs)))
                    .append(" on the kdump kernel's clock: ").append(Html.esc(VerdictText.meaning(c.fate()))).append(".</li>\n");
            b.append("<li>").append(v.liveWrites()).append(" stray write(s) onto memory the kdump kernel was using, ")
                    .append(v.freeWrites()).append(" onto crashkernel memory it had not allocated yet.</li>\n");
        } else {
            b.append("<li><b>No stray DMA reached the kdump kernel's memory.</b></li>\n");
        }
        b.append("<li>").append(v.dumpSaved() ? "The dump was saved" : "The dump was <b>not</b> saved: " + Html.esc(v.dumpFailure()))
                .append(v.dumpTaintedPages() > 0 ? "; " + v.dumpTaintedPages() + " of its pages were written by DMA after the panic"
                        + " (the dump holds what devices wrote, not what the crashed kernel had)" : "").append(".</li>\n");
        if (!v.wedgedDevices().isEmpty()) {
            b.append("<li>Wedged devices (stopped answering after errors): ").append(Html.esc(String.join(", ", v.wedgedDevices())))
                    .append(".</li>\n");
        }
        b.append("<li>Expectations: ").append(o.passed() ? "all held" : "<b>" + o.failures().size() + " failed</b>: "
                + Html.esc(String.join("; ", o.failures()))).append(".</li>\n</ul>\n</section>\n");
    }

    private static void timelines(StringBuilder b, ScenarioRunner.Outcome o, RunResult r) {
        b.append("<h2>Timeline</h2>\n");
        var cfg = o.machine().config();
        List<TimelineSvg.Mark> m1 = new ArrayList<>();
        m1.add(new TimelineSvg.Mark(r.panicNs(), "panic " + Html.seconds(r.panicNs()), "panic",
                LogView.anchorAt("1", r.kernel1Log(), r.panicNs())));
        b.append(TimelineSvg.lane("kernel #1", cfg.first().boot(), Math.max(r.panicNs(), 1), m1, List.of()));
        if (r.kdumpBootNs() < 0) {
            return;
        }
        long boot = r.kdumpBootNs();
        List<TimelineSvg.Mark> m2 = new ArrayList<>();
        List<long[]> windows = new ArrayList<>();
        if (r.bypassWindow().size() == 2) {
            long s = r.bypassWindow().get(0) - boot;
            windows.add(new long[] {s, r.bypassWindow().get(1) < 0 ? -1 : r.bypassWindow().get(1) - boot});
            m2.add(new TimelineSvg.Mark(s, "bypass window " + Html.seconds(s), "bypass-mark", LogView.anchorAt("2", r.kdumpLog(), s)));
        }
        Corruption c = r.verdict().firstCorruption();
        if (c != null) {
            long t = c.timeNs() - boot;
            m2.add(new TimelineSvg.Mark(t, "first stray write " + Html.seconds(t), "stray", LogView.anchorAt("2", r.kdumpLog(), t)));
        }
        b.append(TimelineSvg.lane("kdump kernel", cfg.kdump().boot(), r.endNs() - boot, m2, windows));
        b.append("<p class=\"legend\"><span class=\"sw bypass\"></span> IOMMU bypass window <span class=\"sw stray\"></span>"
                + " first stray write <span class=\"sw panic\"></span> panic; bars are boot phases (hover for names)</p>\n");
    }

    private static void memoryMap(StringBuilder b, ScenarioRunner.Outcome o, Verdict v) {
        AddressRange ck = o.machine().crashkernel();
        b.append("<h2>Crashkernel region ").append(String.format(Locale.ROOT, "0x%x - 0x%x", ck.base(), ck.end()))
                .append("</h2>\n<svg class=\"memmap\" viewBox=\"0 0 1100 60\" role=\"img\" aria-label=\"crashkernel memory map\">\n");
        for (MemoryRegion m : o.machine().memory().regions()) {
            if (m.base() < ck.base() || m.base() + m.size() > ck.end() || m.size() == ck.size()) {
                continue;
            }
            double x = (double) (m.base() - ck.base()) / ck.size() * 1090;
            double w = Math.max(1, (double) m.size() / ck.size() * 1090);
            b.append("<rect class=\"role-").append(Html.esc(m.role())).append("\" x=\"").append(Html.num(x, 1))
                    .append("\" y=\"8\" width=\"").append(Html.num(w, 1)).append("\" height=\"26\"><title>")
                    .append(Html.esc(m.name() + " (" + m.role() + ") " + String.format(Locale.ROOT, "0x%x + 0x%x", m.base(), m.size())))
                    .append("</title></rect>\n");
        }
        Corruption c = v.firstCorruption();
        if (c != null && ck.contains(c.physicalAddress())) {
            double x = (double) (c.physicalAddress() - ck.base()) / ck.size() * 1090;
            b.append("<line class=\"stray\" x1=\"").append(Html.num(x, 1)).append("\" x2=\"").append(Html.num(x, 1))
                    .append("\" y1=\"2\" y2=\"40\"/><text class=\"mark\" x=\"").append(Html.num(Math.min(x + 3, 900), 1))
                    .append("\" y=\"54\">first stray write: ").append(Html.esc(Bdf.pciName(c.requesterId()))).append("</text>\n");
        }
        b.append("</svg>\n<p class=\"legend\"><span class=\"sw role-live-kdump-data\"></span> live kdump data"
                + " <span class=\"sw role-free-kdump-memory\"></span> free (not yet allocated); the rest of the region is free</p>\n");
    }

    private static void ledger(StringBuilder b, RunResult r) {
        b.append("<h2>Ledger: every DMA transaction's fate</h2>\n<table><tr><th>fate</th><th>count</th><th>what it means</th></tr>\n");
        for (LedgerFate f : LedgerFate.values()) {
            long n = r.fates().getOrDefault(f, 0L);
            b.append("<tr").append(n == 0 ? " class=\"zero\"" : "").append("><td><code>").append(f.key()).append("</code></td><td class=\"n\">")
                    .append(n).append("</td><td>").append(Html.esc(VerdictText.meaning(f))).append("</td></tr>\n");
        }
        b.append("<tr><td>in flight at the end</td><td class=\"n\">").append(r.inFlight()).append("</td><td></td></tr>\n")
                .append("<tr><th>issued</th><th class=\"n\">").append(r.issued()).append("</th><th>")
                .append(r.accounted() == r.issued() ? "balanced: every transaction has one fate" : "UNBALANCED").append("</th></tr></table>\n");
    }

    private static void events(StringBuilder b, RunResult r) {
        var e = r.smmuEvents();
        b.append("<h2>IOMMU events</h2>\n<p>").append(e.raised()).append(" raised, ").append(e.written()).append(" written to the queue, ")
                .append(e.printed()).append(" printed, ").append(e.suppressed()).append(" suppressed by the ratelimit, ")
                .append(e.lost()).append(" lost to overflow, ").append(e.discardedQueueOff()).append(" discarded with the queue off.");
        if (!e.raisedById().isEmpty()) {
            List<String> ids = new ArrayList<>();
            e.raisedById().forEach((k, n) -> ids.add(k + " \u00d7" + n));
            b.append(" By event id: ").append(Html.esc(String.join(", ", ids))).append('.');
        }
        b.append("</p>\n");
    }

    private static void aer(StringBuilder b, RunResult r) {
        b.append("<h2>AER per device</h2>\n<table><tr><th>device</th><th>errors</th><th>aborted completions</th>"
                + "<th>completion timeouts</th><th>reported</th><th>wedged</th></tr>\n");
        for (AerDeviceSummary a : r.aer()) {
            b.append("<tr><td>").append(Html.esc(a.bdf())).append("</td><td class=\"n\">").append(a.errors()).append("</td><td class=\"n\">")
                    .append(a.abortedCompletions()).append("</td><td class=\"n\">").append(a.completionTimeouts()).append("</td><td>")
                    .append(Html.esc(String.join(", ", a.reportedErrors()))).append("</td><td>").append(a.wedged() ? "yes" : "")
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }
}
