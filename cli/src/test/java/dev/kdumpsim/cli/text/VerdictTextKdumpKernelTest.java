package dev.kdumpsim.cli.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text verdict's line about how the kdump kernel ended (it reads only the report tree). */
class VerdictTextKdumpKernelTest {

    @Test
    void aliveOrPanickedAndHungWithTheirReason() throws Exception {
        ScenarioRunner.Outcome o = ScenarioRunner.run(ScenarioLoader.load(Path.of("../scenarios/library/" + "mitigation-kexec-normal.yaml"),
                List.of()), "test");
        assertTrue(VerdictText.of(o, Style.PLAIN).contains("\nThe kdump kernel was alive at the end of the run.\n"));
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) o.report().get("verdict");
        v.put("kdumpKernel", "panicked");
        v.put("kdumpKernelReason", "Kernel panic - not syncing: Fatal hardware error!");
        assertTrue(VerdictText.of(o, Style.PLAIN).contains("\nThe kdump kernel PANICKED (Kernel panic - not syncing: Fatal hardware error!).\n"));
        v.put("kdumpKernel", "hung");
        v.put("kdumpKernelReason", null);
        assertTrue(VerdictText.of(o, Style.PLAIN).contains("\nThe kdump kernel HUNG.\n"));
    }
}
