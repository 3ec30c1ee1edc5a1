package dev.kdumpsim.scenarios.regressions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.RunReport;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.scenarios.sweep.SimVariantRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What broke: numbers, BDFs and times were formatted with the default locale in places
 * ({@code String.format("%d.%06d")} for report times, {@code "%02x:%02x.%d"} for BDFs, the
 * tick labels of JFreeChart's auto-ranged axis), so under ar-SA they came out in Arabic-Indic
 * digits and under de-DE with decimal commas: report.json and the plots depended on the machine.
 * Fix: every format names Locale.ROOT, and JFreeChart axes get Locale.ROOT number formats. The
 * test runs a library scenario and a sweep under the default locale, ar-SA and de-DE and
 * compares the bytes.
 */
class LocaleChangedNumbersTest {

    private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("ar-SA"), Locale.forLanguageTag("de-DE"));

    @Test
    void aLibraryRunAndASweepAreTheSameBytesInAnyLocale(@TempDir Path tmp) throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Map<String, byte[]> expected = outputs(tmp.resolve("default"));
            for (Locale l : LOCALES) {
                Locale.setDefault(l);
                Map<String, byte[]> got = outputs(tmp.resolve(l.toLanguageTag()));
                assertEquals(expected.keySet(), got.keySet(), l.toLanguageTag());
                for (String k : expected.keySet()) {
                    assertArrayEquals(expected.get(k), got.get(k), l.toLanguageTag() + ": " + k);
                }
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static Map<String, byte[]> outputs(Path dir) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        var o = ScenarioRunner.run(ScenarioLoader.load(Path.of("library/report-2018-sweep.yaml")), "locale");
        out.put("kernel.log", o.kernelLog().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.put("report.json", RunReport.toJson(o.report()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String sweep = HostileSweeps.TEXT.replace("cmdline: \"crashkernel=512M\"\n", "cmdline: \"crashkernel=512M\"\n    drivers: [{device: \"01:00.0\", dmaRatePerSec: 2000}]\n");
        HostileSweeps.run(HostileSweeps.plan(sweep), new SimVariantRunner(), dir, false);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                if (!p.getFileName().toString().endsWith(".png")) { // PNG bytes depend on the font rasterizer only, checked via the SVG
                    out.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }
}
