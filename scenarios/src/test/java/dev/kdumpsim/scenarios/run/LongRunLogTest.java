package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 item 2: a long run's log is bounded on the heap by the log store's window, not by the
 * run's length. The native-AER machine prints one AER report after another in the kdump kernel
 * (about 125 records a second); two minutes of it are several windows' worth. What the heap holds
 * is asserted by the store's count of resident records, not by timing or heap size.
 */
class LongRunLogTest {

    /** {@code LogStore.DEFAULT_WINDOW}. */
    private static final int WINDOW = 4096;

    @Test
    void aLongRunsRecordsAreNotKeptOnTheHeapAndKernelLogStreamsTheSameText() throws Exception {
        var s = ScenarioLoader.load(Path.of("library/tx2-82576-cmpltto-native.yaml"), List.of("timeline[1].at=120s"),
                RunBudget.DEFAULT_MAX_EVENTS);
        ScenarioRunner.Outcome o = ScenarioRunner.run(s, "t");
        int records = o.result().kdumpLog().size();
        assertTrue(records > 3 * WINDOW, records + " records: the run must outgrow the window for this test to mean anything");
        assertTrue(o.result().kdumpLog().resident() <= WINDOW, o.result().kdumpLog().resident() + " records on the heap");
        assertTrue(o.result().kernel1Log().resident() <= WINDOW);

        String whole = o.kernelLog();
        StringWriter streamed = new StringWriter();
        o.kernelLogText().writeTo(streamed);
        assertEquals(whole, streamed.toString());
        List<String> lines = new ArrayList<>();
        o.kernelLogText().lines().forEach(lines::add);
        assertEquals(Arrays.asList(whole.split("\n")), lines);
        assertEquals(records + o.result().kernel1Log().size(), o.result().kdumpLog().stream().count()
                + o.result().kernel1Log().stream().count());
    }

    @Test
    void linesSplitAsStringSplitDoes() {
        String[][] cases = {{"a", "b"}, {"a\nb", "", "c"}, {"a\n", ""}, {"", "", "x"}, {"x", "\n\n"}, {"x\n\ny", "z\n"}};
        for (String[] segments : cases) {
            StringBuilder text = new StringBuilder();
            for (String seg : segments) {
                text.append(seg).append('\n');
            }
            List<String> got = new ArrayList<>();
            new KernelLogText.SplitLines(Arrays.asList(segments).iterator()).forEachRemaining(got::add);
            assertEquals(Arrays.asList(text.toString().split("\n")), got, Arrays.toString(segments));
        }
    }
}
