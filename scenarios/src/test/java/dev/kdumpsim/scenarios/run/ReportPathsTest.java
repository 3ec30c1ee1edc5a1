package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ReportPaths lists exactly the counters a real report has, so load-time checks of expect.counters match run-time lookups. */
class ReportPathsTest {

    @Test
    void theListedCountersAreTheNumericLeavesOfARealReport() throws Exception {
        Scenario s = ScenarioLoader.parse("s.yaml", """
                name: t
                platform:
                  pcie:
                    topology:
                      rootPorts: [{bdf: "00:00.0"}, {bdf: "00:01.0"}]
                      endpoints:
                        - {bdf: "01:00.0", functions: 2}
                        - {bdf: "02:00.0", port: "00:01.0"}
                kernels:
                  first: {cmdline: "crashkernel=512M", drivers: [{device: "01:00.0", dmaRatePerSec: 2000}, {device: "02:00.0", profile: storage, dmaRatePerSec: 500}]}
                  kdump: {drivers: [{device: "02:00.0", profile: storage, dmaRatePerSec: 500}]}
                timeline: [{at: 10s, action: panic}]
                """, List.of());
        Map<String, Object> report = ScenarioRunner.run(s, "test").report();
        List<String> leaves = new ArrayList<>();
        leaves(report, "", leaves);
        assertEquals(ReportPaths.counters(s), leaves);
        for (String p : ReportPaths.counters(s)) {
            assertNotNull(ExpectationChecker.lookup(report, p), p);
        }
    }

    /** Numeric and boolean leaves, minus what is not a counter: parameters, expectations, per-id events, the first corruption, times. */
    private static void leaves(Object node, String path, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String p = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
                if (!List.of("parameters", "expectations", "smmuEvents.byId", "verdict.firstCorruption", "timeline.bypassWindow").contains(p)) {
                    leaves(e.getValue(), p, out);
                }
            }
        } else if (node instanceof Number || node instanceof Boolean) {
            out.add(path);
        }
    }
}
