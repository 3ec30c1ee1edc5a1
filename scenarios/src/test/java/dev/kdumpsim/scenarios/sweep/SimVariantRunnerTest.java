package dev.kdumpsim.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's runner gives a variant's junit.xml time from the run itself, never from the wall clock. */
class SimVariantRunnerTest {

    @Test
    @SuppressWarnings("unchecked")
    void aVariantsTimeIsWhereItsRunEndedOnTheSimulationClock() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("library/policy-4.19-abort.yaml"));
        VariantOutcome o = new SimVariantRunner().run(s);
        ScenarioRunner.Outcome direct = ScenarioRunner.run(s, SimVariantRunner.VERSION);
        assertEquals(direct.result().endNs(), o.simulatedNs());
        assertTrue(o.simulatedNs() > 1_000_000_000L, "the run boots two kernels: seconds of simulated time, " + o.simulatedNs());
        assertEquals(o.simulatedNs(), new SimVariantRunner().run(s).simulatedNs(), "deterministic");

        VariantRow row = new VariantRow(0, Map.of(), s.seed(), VariantStatus.PASSED, List.of(), null, o.simulatedNs(), o.metrics(),
                List.of());
        SweepManifest m = new SweepManifest("policy-4.19-abort.yaml", "s", List.of(), List.of(), 1, 1, 1, null, null, null, null, null);
        String xml = JunitXml.render(m, List.of(row));
        String end = (String) ((Map<String, Object>) direct.report().get("timeline")).get("end");
        assertTrue(xml.contains("name=\"seed=" + s.seed() + "\" time=\"" + end + "\"/>"), "testcase time = report.json timeline.end " + end + ":\n" + xml);
        assertTrue(xml.contains(" skipped=\"0\" time=\"" + end + "\">"), xml);
    }

    @Test
    void aCrashedVariantHasNoRunEndAndCountsZero() {
        VariantRow ok = new VariantRow(0, Map.of(), 1, VariantStatus.PASSED, List.of(), null, 1_500_000_000L, Map.of(), List.of());
        VariantRow crashed = new VariantRow(1, Map.of(), 2, VariantStatus.ERROR, List.of(), "java.lang.IllegalStateException: boom", null,
                Map.of(), List.of());
        SweepManifest m = new SweepManifest("f.yaml", "s", List.of(), List.of(), 2, 1, 2, null, null, null, null, null);
        String xml = JunitXml.render(m, List.of(ok, crashed));
        assertTrue(xml.contains("name=\"seed=1\" time=\"1.500000\"/>"), xml);
        assertTrue(xml.contains("name=\"seed=2\" time=\"0.000000\">"), xml);
        assertTrue(xml.contains(" skipped=\"0\" time=\"1.500000\">"), xml);
    }
}
