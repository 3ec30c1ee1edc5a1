package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.scenarios.run.RunReport;
import java.util.List;

/**
 * junit.xml for CI test viewers (GitLab, Jenkins, GitHub actions that read JUnit): one testsuite,
 * one testcase per variant (classname = scenario file, name = its parameter point and seed),
 * failed expectations as {@code <failure>}, a runner exception as {@code <error>}, and the
 * command that reruns a failing variant in {@code <system-out>}.
 * <p>
 * Every testcase's {@code time} is the variant's <em>simulated</em> time: where its run ended on
 * the simulation clock, in seconds with six decimals (report.json's {@code timeline.end}); a
 * variant whose runner threw has no run end and gets 0. The testsuite's {@code time} is their sum.
 * Wall time would make the file differ between runs, machines, {@code --jobs} and resumed or
 * merged sweeps, which must all write the same bytes; simulated time is deterministic and still
 * tells a CI viewer which variants simulate long.
 */
final class JunitXml {

    private JunitXml() {
    }

    /** {@code path=value,...,seed=N}: unique per variant, readable in a CI test list. */
    static String testName(VariantRow r) {
        StringBuilder b = new StringBuilder();
        r.parameters().forEach((k, v) -> b.append(k).append('=').append(v).append(','));
        return b.append("seed=").append(r.seed()).toString();
    }

    static String render(SweepManifest m, List<VariantRow> rows) {
        long failures = rows.stream().filter(r -> r.status() == VariantStatus.FAILED).count();
        long errors = rows.stream().filter(r -> r.status() == VariantStatus.ERROR).count();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long totalNs = rows.stream().mapToLong(JunitXml::simulatedNs).sum();
        String counts = " tests=\"" + rows.size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\"";
        b.append("<testsuites name=\"kdumpsim sweep\"").append(counts).append(">\n");
        b.append("  <testsuite name=\"").append(esc("sweep " + m.scenario() + (m.shard() == null ? "" : " shard " + m.shard()))).append('"')
                .append(counts).append(" skipped=\"0\" time=\"").append(RunReport.seconds(totalNs)).append("\">\n");
        for (VariantRow r : rows) {
            b.append("    <testcase classname=\"").append(esc(m.file())).append("\" name=\"").append(esc(testName(r)))
                    .append("\" time=\"").append(RunReport.seconds(simulatedNs(r))).append('"');
            if (r.status() == VariantStatus.PASSED) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n");
            if (r.status() == VariantStatus.FAILED) {
                String first = r.failedExpectations().isEmpty() ? "an expectation failed" : r.failedExpectations().get(0);
                b.append("      <failure message=\"").append(esc(first)).append("\" type=\"expectation\">")
                        .append(esc(String.join("\n", r.failedExpectations()))).append("</failure>\n");
            } else {
                String type = r.error() == null ? "error" : r.error().split(":", 2)[0];
                b.append("      <error message=\"").append(esc(r.error())).append("\" type=\"").append(esc(type)).append("\">")
                        .append(esc(r.error())).append("</error>\n");
            }
            b.append("      <system-out>").append(esc("reproduce: " + Reproduce.command(m.file(), r))).append("</system-out>\n");
            b.append("    </testcase>\n");
        }
        b.append("  </testsuite>\n</testsuites>\n");
        return b.toString();
    }

    /** The run's end on the simulation clock; 0 for a variant that crashed before it had one. */
    private static long simulatedNs(VariantRow r) {
        return r.simulatedNs() == null ? 0 : r.simulatedNs();
    }

    /** XML text/attribute escaping; characters XML 1.0 cannot hold become U+FFFD. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                case '\t' -> b.append("&#9;");
                case '\r' -> b.append("&#13;");
                default -> b.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
