package dev.kdumpsim.cli.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The HTML report's verdict says when the kdump kernel died, and why. */
class RunHtmlVerdictTest {

    @Test
    void aPanickedKdumpKernelIsNamedInTheVerdict() throws Exception {
        var o = ScenarioRunner.run(ScenarioLoader.load(Path.of("../scenarios/library/tx2-82576-cmpltto-fatal.yaml")), "html");
        String page = RunHtml.render(o);
        assertTrue(page.contains("<li><b>The kdump kernel panicked</b>: Fatal hardware error!.</li>"), page);
        assertTrue(page.contains("<section class=\"verdict bad\">"));
    }

    @Test
    void aLivingOneIsNotMentioned() throws Exception {
        var o = ScenarioRunner.run(ScenarioLoader.load(Path.of("../scenarios/library/tx2-82576-cmpltto-native.yaml")), "html");
        assertFalse(RunHtml.render(o).contains("The kdump kernel alive"));
    }
}
