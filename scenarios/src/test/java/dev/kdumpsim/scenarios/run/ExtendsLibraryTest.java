package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library's base/report-2018-machine.yaml is the machine report-2018.yaml writes out in full
 * (so the mitigation and policy files that extend it run the report's machine), and the base
 * directory is not itself a runnable scenario.
 */
class ExtendsLibraryTest {

    @Test
    void theBaseIsTheMachineOfReport2018() throws Exception {
        Scenario report = ScenarioLoader.load(Path.of("library/report-2018.yaml"));
        Path probe = Path.of("library/probe-extends-base.yaml");
        Scenario base = ScenarioLoader.parse(probe.toString(), "extends: base/report-2018-machine.yaml\nname: report-2018\n", List.of());
        assertEquals(report.platform(), base.platform());
        assertEquals(report.kernels(), base.kernels());
        assertEquals(report.timeline(), base.timeline());
        assertEquals(report.mitigations(), base.mitigations());
    }

    @Test
    void mitigationAndPolicyFilesExtendTheBase() throws Exception {
        try (var files = Files.list(Path.of("library"))) {
            List<Path> extending = files.filter(p -> p.getFileName().toString().matches("(mitigation|policy)-.*\\.yaml")).sorted().toList();
            assertEquals(9, extending.size(), extending.toString());
            for (Path p : extending) {
                assertTrue(Files.readString(p).contains("\nextends: base/report-2018-machine.yaml\n"), p.toString());
            }
        }
    }

    @Test
    void theBaseAloneIsNotAScenario() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.kdumpsim.scenarios.error.ScenarioException.class,
                () -> ScenarioLoader.load(Path.of("library/base/report-2018-machine.yaml")));
        assertTrue(e.problem().contains("name"), e.format());
    }
}
