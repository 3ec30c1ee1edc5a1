package dev.kdumpsim.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepOutputsTest {

    @TempDir
    Path tmp;

    private static SweepManifest manifest(List<SweepAxis> axes, String hx, String hy, String policy, String px) {
        return new SweepManifest("f.yaml", "s", List.of(), axes, 1, 1, 2, hx, hy, policy, px, null);
    }

    private static VariantRow row(int i, Map<String, String> params, Map<String, Object> metrics) {
        return new VariantRow(i, params, 1, VariantStatus.PASSED, List.of(), null, 1_000_000_000L + i, metrics, List.of("seed=1"));
    }

    @Test
    void withoutPlotAxesOrVerdictMetricsThereAreNoPlotsAndRatesReadDash() throws Exception {
        SweepManifest m = manifest(List.of(new SweepAxis("seedless", List.of("a", "b"))), null, null, null, null);
        List<VariantRow> rows = List.of(row(0, Map.of("seedless", "a"), Map.of("x", 1L)), row(1, Map.of("seedless", "b"), Map.of("x", 2L)));
        List<String> names = SweepOutputs.write(tmp, m, rows);
        assertEquals(List.of("results.jsonl", "results.csv", "summary.md", "report.html", "junit.xml", "sweep.json"), names);
        String summary = Files.readString(tmp.resolve("summary.md"));
        assertTrue(summary.contains("| a | 1 | 1 | 0 | 0 | – | – | – | – |"), summary);
        assertFalse(summary.contains("## Plots"), summary);
    }

    @Test
    void plotsOfAnEarlierSweepInTheDirectoryAreRemovedOtherFilesKept() throws Exception {
        // an earlier sweep wrote policy-old.*; the user's own policy-mine.png is not in its manifest and stays
        SweepManifest old = manifest(List.of(new SweepAxis("p", List.of("old")), new SweepAxis("q", List.of("1"))), "q", "p", "p", "q");
        SweepOutputs.write(tmp, old, List.of(row(0, Map.of("p", "old", "q", "1"), Map.of(MetricStats.CORRUPTED, true))));
        assertTrue(Files.exists(tmp.resolve("policy-old.png")));
        Files.writeString(tmp.resolve("policy-mine.png"), "mine");
        Files.writeString(tmp.resolve("heatmap-corruption.svg"), "stale");
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        SweepManifest m = manifest(List.of(new SweepAxis("p", List.of("x")), new SweepAxis("q", List.of("1", "2"))), "q", "p", "p", "q");
        List<VariantRow> rows = List.of(row(0, Map.of("p", "x", "q", "1"), Map.of(MetricStats.CORRUPTED, true)),
                row(1, Map.of("p", "x", "q", "2"), Map.of(MetricStats.CORRUPTED, false)));
        List<String> names = SweepOutputs.write(tmp, m, rows);
        assertTrue(names.contains("policy-x.svg") && names.contains("heatmap-corruption.png"), names.toString());
        assertFalse(Files.exists(tmp.resolve("policy-old.png")));
        assertFalse(Files.exists(tmp.resolve("policy-old.svg")));
        assertEquals("mine", Files.readString(tmp.resolve("policy-mine.png")));
        assertTrue(Files.readString(tmp.resolve("heatmap-corruption.svg")).contains("<svg"));
        assertEquals("mine", Files.readString(tmp.resolve("notes.txt")));
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
        assertTrue(Files.getPosixFilePermissions(tmp.resolve("results.csv")).contains(PosixFilePermission.OTHERS_READ),
                "outputs get the usual permissions, not a temp file's 0600");
    }

    @Test
    void junitEscapesWhatXmlCannotHoldAndNamesVariantsByParametersAndSeed() {
        VariantRow r = new VariantRow(3, Map.of("a", "<x&y>"), 9, VariantStatus.FAILED, List.of("bad \"thing\"\u0001"), null, 2_500_000L, Map.of(),
                List.of("a=<x&y>", "seed=9"));
        String xml = JunitXml.render(manifest(List.of(new SweepAxis("a", List.of("<x&y>"))), null, null, null, null), List.of(r));
        assertTrue(xml.contains("<testcase classname=\"f.yaml\" name=\"a=&lt;x&amp;y&gt;,seed=9\" time=\"0.002500\">"), xml);
        assertTrue(xml.contains("<failure message=\"bad &quot;thing&quot;\uFFFD\" type=\"expectation\">"), xml);
        assertTrue(xml.contains("<system-out>reproduce: ./kdumpsim run f.yaml --set 'a=&lt;x&amp;y&gt;' --set seed=9</system-out>"), xml);
    }

    @Test
    void shardsAndReproduceCommands() {
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
        assertTrue(new Shard(2, 4).contains(5) && !new Shard(2, 4).contains(4));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("2"));
        assertEquals("seed=3", Reproduce.quote("seed=3"));
        assertEquals("'mitigations=[flr-all]'", Reproduce.quote("mitigations=[flr-all]"));
        assertEquals("'it'\\''s'", Reproduce.quote("it's"));
    }

    @Test
    void quotedParamValuesKeepTheirCommas() throws ScenarioException {
        assertEquals(List.of("\"crashkernel=256M,high\"", "crashkernel=1G"),
                ParameterArgument.parse("kernels.first.cmdline=\"crashkernel=256M,high\",crashkernel=1G").values());
    }
}
