package dev.kdumpsim.scenarios.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors in a sweep: section are one located line, like every scenario error. */
class SweepValidatorTest {

    private static final String BASE = """
            name: t
            platform:
              pcie:
                topology:
                  endpoints:
                    - bdf: "01:00.0"
            kernels:
              first:
                cmdline: "crashkernel=512M"
            sweep:
            """;
    /** Kernel #1 must crash for the scenario to be valid: a top-level key after the sweep block keeps its line numbers. */
    private static final String PANIC = "timeline: [{at: 10s, action: panic}]\n";

    private static ScenarioException error(String sweep) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("s.yaml", BASE + sweep + PANIC, List.of()));
    }

    private static void assertAt(ScenarioException e, int line, int col, String part) {
        String f = e.format();
        assertTrue(f.startsWith("s.yaml:" + line + ":" + col + ": "), f);
        assertTrue(f.contains(part), f);
        assertFalse(f.contains("\n"), f);
    }

    @Test
    void aValidSweepBindsWithDefaults() throws ScenarioException {
        Scenario s = ScenarioLoader.parse("s.yaml", BASE + """
                  parameters:
                    - {path: kernels.kdump.smmuDriver, values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2]}
                    - {path: kernels.first.cmdline, values: [crashkernel=512M, crashkernel=1G]}
                  policyCharts: {policy: kernels.kdump.smmuDriver}
                """ + PANIC, List.of());
        assertEquals(1, s.sweep().get().seeds());
        assertEquals(List.of(), s.sweep().get().exclude());
        assertTrue(s.sweep().get().heatmap().isEmpty());
        assertEquals("kernels.kdump.smmuDriver", s.sweep().get().policyCharts().get().policy());
        assertTrue(ScenarioLoader.parse("s.yaml", BASE.replace("sweep:\n", "") + PANIC, List.of()).sweep().isEmpty());
    }

    @Test
    void parametersNeedValuesOrARangeNotBothAndDistinctValues() {
        assertAt(error("  parameters:\n    - path: seed\n      values: [1, 2]\n"), 12, 13, "the seed is not swept as a parameter (write seeds: K");
        assertAt(error("  parameters:\n    - path: kernels.first.cmdline\n"), 12, 13, "parameter kernels.first.cmdline has no values");
        assertAt(error("  parameters:\n    - {path: a, values: [x], range: 1..2}\n"), 12, 37, "give values or range, not both");
        assertAt(error("  parameters:\n    - {path: a, values: [x, y, x]}\n"), 12, 32, "value 'x' is listed twice");
        assertAt(error("  parameters:\n    - {path: a, range: 1KiB..4KiB}\n"), 12, 24, "range '1KiB..4KiB' of sizes needs a step");
        assertAt(error("  parameters:\n    - {path: a, values: [x]}\n    - {path: a, values: [y]}\n"), 13, 14, "parameter a is listed twice");
        assertAt(error("  seeds: 0\n"), 11, 10, "seeds per point must be 1 to 1000000, not 0");
        assertAt(error("  parameters:\n    - {path: sweep.seeds, values: [1]}\n"), 12, 14, "a sweep cannot sweep its own sweep section");
    }

    @Test
    void excludeFiltersAndPlotAxesMustNameSweptParametersAndValues() {
        String params = "  parameters:\n    - {path: kernels.kdump.smmuDriver, values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2]}\n"
                + "    - {path: mitigations, values: ['[]', '[flr-all]']}\n";
        ScenarioException unknown = error(params + "  exclude:\n    - {kernels.kdump.smmuDrver: arm-smmu-v3@5.2}\n");
        assertAt(unknown, 15, 7, "exclude names 'kernels.kdump.smmuDrver', which is not a swept parameter");
        assertEquals("did you mean 'kernels.kdump.smmuDriver'?", unknown.hint());
        assertAt(error(params + "  exclude:\n    - {mitigations: '[sbr-all]'}\n"), 15, 7,
                "exclude value '[sbr-all]' is not a value of mitigations, so it never matches");
        assertAt(error(params + "  exclude:\n    - {}\n"), 15, 7, "an empty exclude filter would skip every variant");
        assertAt(error(params + "  heatmap: {x: mitigations, y: seed}\n"), 14, 32, "'seed' is not a swept parameter");
        assertAt(error(params + "  heatmap: {x: mitigations, y: mitigations}\n"), 14, 32, "heatmap x and y are the same parameter");
        assertAt(error(params + "  policyCharts: {policy: kernels.kdump.smmuDriver, x: kernels.kdump.smmuDriver}\n"), 14, 55,
                "the chart's x axis is the policy parameter itself");
        assertAt(error(params + "  policyCharts: {x: mitigations}\n"), 14, 17, "missing required key 'policy' in sweep.policyCharts");
    }

    @Test
    void sweepKeysAreCheckedLikeEveryOtherKey() {
        ScenarioException e = error("  seed: 3\n");
        assertAt(e, 11, 3, "unknown key 'seed' in sweep");
        assertEquals("did you mean 'seeds'?", e.hint());
        ScenarioException set = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("s.yaml", BASE + PANIC, List.of("sweep.seeds=0")));
        assertTrue(set.format().contains("seeds per point must be 1 to"), set.format());
    }
}
