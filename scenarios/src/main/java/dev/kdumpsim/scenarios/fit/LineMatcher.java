package dev.kdumpsim.scenarios.fit;

import dev.kdumpsim.scenarios.importer.DistinctiveLines;
import dev.kdumpsim.scenarios.importer.Facts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A simulated kernel.log against the report's lines. Each report line is matched (a simulated
 * line with its text, the closest in time within the tolerance; either kernel, since a paste
 * often holds one kernel only), matched at another time, or missing. Extra lines are the simulated
 * log's own distinctive lines (chosen by the importer's rules, as the report's were) of a kind the
 * report shows, whose text no report line has: what the model prints that the reporter did not see.
 *
 * <p>The score the search maximises: one per matched line, one half per line matched at another
 * time, less at most 0.1 for extra lines (0.01 each, up to ten) and at most 0.2 for distance in
 * time (the mean over timestamped lines whose text matched of |simulated - reported| / 10 s,
 * capped at 1). The two penalties together stay below a half, so they only order points that
 * classify the lines alike, and they lead the search toward the report's timing.
 */
final class LineMatcher {

    /** At most this many extra lines are kept in the detail (the count is exact). */
    static final int MAX_EXTRA_LISTED = 20;

    private final List<ReportLine> report;
    private final double toleranceSeconds;
    private final Set<String> kinds = new LinkedHashSet<>();

    LineMatcher(List<ReportLine> report, double toleranceSeconds) {
        this.report = List.copyOf(report);
        this.toleranceSeconds = toleranceSeconds;
        report.forEach(r -> kinds.add(r.kind()));
    }

    Map<String, Object> classify(String kernelLog) {
        List<SimulatedLine> sim = SimulatedLine.parse(kernelLog);
        List<Object> lines = new ArrayList<>();
        int matched = 0;
        int other = 0;
        double distance = 0;
        int timed = 0;
        for (ReportLine r : report) {
            SimulatedLine closest = null;
            double best = Double.MAX_VALUE;
            for (SimulatedLine s : sim) {
                if (r.matches(s.message())) {
                    double d = r.timestamp().isPresent() ? Math.abs(s.seconds() - r.seconds()) : 0;
                    if (closest == null || d < best) {
                        closest = s;
                        best = d;
                    }
                }
            }
            LineStatus status = closest == null ? LineStatus.MISSING
                    : best <= toleranceSeconds + 1e-9 ? LineStatus.MATCHED : LineStatus.MATCHED_AT_ANOTHER_TIME;
            if (status == LineStatus.MATCHED) {
                matched++;
            } else if (status == LineStatus.MATCHED_AT_ANOTHER_TIME) {
                other++;
            }
            if (closest != null && r.timestamp().isPresent()) {
                distance += Math.min(best / 10.0, 1.0);
                timed++;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", status.name);
            m.put("simulatedTime", closest == null ? null : closest.timestamp());
            lines.add(m);
        }
        List<Object> extra = new ArrayList<>();
        int extraCount = 0;
        Map<String, String> sections = new LinkedHashMap<>();
        List<String> texts = SimulatedLine.sections(kernelLog);
        for (int i = 0; i < texts.size(); i++) {
            sections.put(i == 0 ? "kernel #1" : "kdump kernel", texts.get(i));
        }
        for (Facts.Distinctive d : DistinctiveLines.of(sections)) {
            if (!kinds.contains(d.kind()) || report.stream().anyMatch(r -> r.matches(d.line().message()))) {
                continue;
            }
            extraCount++;
            if (extra.size() < MAX_EXTRA_LISTED) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", LineStatus.EXTRA.name);
                m.put("kind", d.kind());
                m.put("simulatedTime", d.line().timestamp().orElse(null));
                m.put("text", d.line().message());
                extra.add(m);
            }
        }
        double score = matched + 0.5 * other - 0.01 * Math.min(extraCount, 10) - 0.2 * (timed == 0 ? 0 : distance / timed);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("linesMatched", matched);
        detail.put("linesMatchedAtAnotherTime", other);
        detail.put("linesMissing", report.size() - matched - other);
        detail.put("extraLines", extraCount);
        detail.put("meanTimeDistance", String.format(Locale.ROOT, "%.6f", timed == 0 ? 0.0 : distance / timed * 10.0));
        detail.put("lines", lines);
        detail.put("extra", extra);
        detail.put("score", score);
        return detail;
    }
}
