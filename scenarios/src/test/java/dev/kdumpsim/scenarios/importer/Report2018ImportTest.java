package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Arch;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2018 report's lines (src/test/resources/reports/report-2018.log, mail-quoted as in the
 * thread "RFC on Kdump and PCIe on ARM64", 1 March 2018) imported: what is inferred, that the
 * scenario loads, that its expect.log matches the imported lines, and how much of it a run of
 * the imported scenario reproduces.
 */
class Report2018ImportTest {

    static final Path LOG = Path.of("src/test/resources/reports/report-2018.log");
    static LogImport.Result result;

    @BeforeAll
    static void importIt() throws Exception {
        result = LogImport.run(List.of(LOG), List.of(), "imported.yaml");
    }

    @Test
    void infersArm64AndTheSmmu() {
        Scenario s = result.scenario();
        assertEquals(Arch.ARM64, s.platform().effectiveArch());
        assertEquals(44, s.platform().smmu().oasBits());
        assertEquals(44, result.facts().smmuIas);
        assertTrue(result.facts().smmuReset);
    }

    @Test
    void infersTheCrashkernelReservation() {
        assertEquals(0x7fe00000L, result.facts().crashkernelBase);
        assertEquals(2048L << 20, result.facts().crashkernelSize);
        assertTrue(result.scenario().kernels().first().cmdline().contains("crashkernel=2048M@0x7fe00000"), result.yaml());
    }

    @Test
    void infersTheAdapterItsStreamIdAndItsAerSeverity() {
        List<Endpoint> eps = result.scenario().platform().pcie().topology().endpoints();
        assertEquals(1, eps.size(), result.yaml());
        Endpoint e = eps.get(0);
        assertEquals("01:00.0", e.bdf().toString().replaceFirst("^0000:", ""));
        assertEquals(0x100, result.scenario().platform().pcie().requesterIdToStreamId().streamId(e.bdf().requesterId()));
        assertEquals(0x100, result.facts().events.get(0).streamId());
        assertEquals(0x00062011L, e.aer().orElseThrow().uncorSeverity().orElseThrow().value());
        assertEquals("defective-completion", e.errorProfile().specName());
    }

    @Test
    void namesWhatItCouldNotInfer() {
        String y = result.yaml();
        assertTrue(y.contains("# Not in the input (assumed instead):"), y);
        assertTrue(y.contains("platform.dram:"), y);
        assertTrue(y.contains("kernels.first.version:"), y);
        assertTrue(y.contains("timeline panic:"), y);
    }

    @Test
    void theWrittenScenarioLoadsAgainFromItsText() throws Exception {
        Scenario again = ScenarioLoader.parse("again.yaml", result.yaml(), List.of());
        assertEquals(result.scenario(), again);
    }

    @Test
    void everyExpectLogPatternMatchesAnImportedLine() {
        List<String> patterns = result.scenario().expect().log().stream().map(dev.kdumpsim.scenarios.value.LogPattern::regex).toList();
        assertTrue(patterns.size() >= 10, patterns.toString());
        List<String> lines = result.lines().stream().map(l -> "[" + pad(l.timestamp().orElseThrow()) + "] " + l.message()).toList();
        for (String p : patterns) {
            Pattern re = Pattern.compile(p);
            assertTrue(lines.stream().anyMatch(l -> re.matcher(l).find()), p + " matches no imported line");
        }
    }

    @Test
    void aRunOfTheImportedScenarioPrintsMostOfTheReportsLines() throws Exception {
        ScenarioRunner.Outcome o = ScenarioRunner.run(result.scenario(), "import-test");
        List<String> patterns = result.scenario().expect().log().stream().map(dev.kdumpsim.scenarios.value.LogPattern::regex).toList();
        List<String> log = o.kernelLog().lines().toList();
        long matched = patterns.stream().map(Pattern::compile).filter(re -> log.stream().anyMatch(l -> re.matcher(l).find())).count();
        System.out.printf(java.util.Locale.ROOT, "report-2018 import: %d of %d expect.log patterns match the run%n", matched, patterns.size());
        assertTrue(matched * 2 > patterns.size(), matched + " of " + patterns.size() + " patterns match the run:\n" + o.kernelLog());
    }

    @Test
    void theSameTextOnEveryLocaleAndEveryRun() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            for (String tag : new String[] {"ar-SA", "de-DE", "hi-IN-u-nu-deva"}) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                assertEquals(result.yaml(), LogImport.run(List.of(LOG), List.of(), "imported.yaml").yaml(), tag);
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    private static String pad(String ts) {
        return " ".repeat(Math.max(0, 12 - ts.length())) + ts;
    }
}
