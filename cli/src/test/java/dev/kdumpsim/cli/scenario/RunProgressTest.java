package dev.kdumpsim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.core.Simulation;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The single run's progress line: its words, and silence off a terminal, under CI and for short runs. */
class RunProgressTest {

    @Test
    void theLineSaysTheSimulationTimeAndEventsAndErasesTheRestOfTheLine() {
        assertEquals("\rkdumpsim: simulating... 3607.250 s of simulation time, 1,234,567 events\u001b[K",
                RunProgress.line(3_607_250_000_000L, 1_234_567));
    }

    @Test
    void nothingIsPrintedOffATerminalUnderCiOrBeforeTheFirstSecond() {
        for (Object[] c : new Object[][] {{false, null}, {true, "true"}, {true, null}}) {
            StringWriter w = new StringWriter();
            try (RunProgress p = RunProgress.start(new PrintWriter(w), (Boolean) c[0], (String) c[1])) {
                p.watch(new Simulation(1)); // a short run: closed well before the first redraw
            }
            assertEquals("", w.toString(), "console=" + c[0] + " CI=" + c[1]);
        }
    }
}
