package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** report.json's verdict.kdumpKernel / kdumpKernelReason and expect.verdict.kdumpKernel. */
class KdumpKernelVerdictTest {

    private static ScenarioRunner.Outcome run(String expect) throws Exception {
        String text = Files.readString(Path.of("library/report-2018.yaml"));
        return ScenarioRunner.run(ScenarioLoader.parse("report-2018.yaml", text.substring(0, text.indexOf("expect:")) + expect, List.of()),
                "test");
    }

    @Test
    void theVerdictSaysHowTheKdumpKernelEndedAfterTheWedgedDevices() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) run("expect: {}\n").report().get("verdict");
        List<String> keys = List.copyOf(v.keySet());
        assertEquals(List.of("wedgedDevices", "kdumpKernel", "kdumpKernelReason"), keys.subList(keys.size() - 3, keys.size()));
        assertEquals("alive", v.get("kdumpKernel"));
        assertTrue(v.containsKey("kdumpKernelReason"));
        assertEquals(null, v.get("kdumpKernelReason"), "null while alive, like dumpFailure while saved");
    }

    @Test
    void anExpectedKdumpKernelStateIsChecked() throws Exception {
        assertTrue(run("expect: {verdict: {kdumpKernel: alive}}\n").passed());
        ScenarioRunner.Outcome o = run("expect: {verdict: {kdumpKernel: panicked}}\n");
        assertEquals(List.of("verdict.kdumpKernel: expected panicked, got alive"), o.failures());
    }

    @Test
    void theExpectationIsBoundFromTheFile() throws ScenarioException {
        var s = ScenarioLoader.parse("s.yaml", """
                name: t
                platform: {pcie: {topology: {endpoints: [{bdf: "01:00.0"}]}}}
                kernels: {first: {cmdline: "crashkernel=512M"}}
                timeline: [{at: 10s, action: panic}]
                expect: {verdict: {kdumpKernel: hung}}
                """, List.of());
        assertEquals("hung", s.expect().verdict().kdumpKernel().orElseThrow().specName());
    }
}
