package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.StreamTableFormat;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMMU of a report by its printed feature mask: imported, validated, and printed back by the simulated driver. */
class SmmuFeaturesImportTest {

    static Path log(Path dir, String features) throws Exception {
        Path log = dir.resolve("smmu.log");
        Files.writeString(log, "[    2.112233] arm-smmu-v3 arm-smmu-v3.0.auto: ias 48-bit, oas 48-bit (features " + features + ")\n"
                + "[    2.120000] arm-smmu-v3 arm-smmu-v3.0.auto: SMMU currently enabled! Resetting...\n");
        return log;
    }

    @Test
    void aLinearTableSmmuIsImportedAndItsDriverPrintsTheReportsMask(@TempDir Path dir) throws Exception {
        LogImport.Result r = LogImport.run(List.of(log(dir, "0x00000fee")), List.of(), "o.yaml");
        assertEquals(0xfeeL, r.scenario().platform().smmu().features().orElseThrow().value());
        assertEquals(StreamTableFormat.LINEAR, r.scenario().platform().smmu().streamTable(), r.yaml());
        ScenarioRunner.Outcome o = ScenarioRunner.run(r.scenario(), "test");
        assertTrue(o.kernelLog().contains("ias 48-bit, oas 48-bit (features 0x00000fee)"), "printed from the modelled IDR0");
    }

    @Test
    void aMaskTheModelCannotBuildIsLeftOutAndNamed(@TempDir Path dir) throws Exception {
        LogImport.Result r = LogImport.run(List.of(log(dir, "0x00041fef")), List.of(), "o.yaml");
        assertTrue(r.scenario().platform().smmu().features().isEmpty());
        assertTrue(r.yaml().contains("# features 0x00041fef (smmu.log:1) left out: bits 0x40000"), r.yaml());
    }

    @Test
    void validationLocatesAnUnbuildableMaskAndOneThatDisagreesWithTheStreamTable() {
        String base = """
                name: t
                platform:
                  smmu: {features: "%s"}
                  pcie: {topology: {endpoints: [{bdf: "01:00.0"}]}}
                kernels: {first: {cmdline: "crashkernel=512M"}}
                timeline: [{at: 10s, action: panic}]
                """;
        ScenarioException a = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("s.yaml", base.formatted("0x3fef"), List.of()));
        assertTrue(a.format().startsWith("s.yaml:3:") && a.format().contains("STALL_MODEL"), a.format());
        ScenarioException b = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("s.yaml", base.formatted("0xfee"), List.of()));
        assertTrue(b.format().contains("lacks 2_LVL_STRTAB") && b.format().contains("streamTable: linear"), b.format());
    }
}
