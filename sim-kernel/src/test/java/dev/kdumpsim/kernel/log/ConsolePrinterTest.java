package dev.kdumpsim.kernel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsolePrinterTest {

    @Test
    void consecutiveLinesAreSpacedByTheirOutputTimeAtTheBaudRate() {
        Simulation sim = new Simulation(1);
        KernelLog log = new KernelLog(sim, "k", 0);
        log.setConsoleBaud(115200);
        ConsolePrinter out = new ConsolePrinter(sim, log);
        out.print(LogLevel.INFO, "dev: ", "first line %d\n", 1);
        out.print(LogLevel.INFO, "dev: ", "second\n");
        out.print(LogLevel.INFO, "", "third\n");
        sim.run();
        List<LogRecord> r = log.records().toList();
        assertEquals(3, r.size());
        for (int i = 1; i < 3; i++) {
            LogRecord prev = r.get(i - 1);
            // 10 bits per character (8N1), the line plus "\r\n"
            long expected = (prev.line().length() + 2) * 10L * 1_000_000_000L / 115200;
            assertEquals(expected, r.get(i).timeNs() - prev.timeNs(), "line " + i);
        }
        assertEquals(0, r.get(0).timeNs(), "an idle console prints at once");
    }

    @Test
    void callbackQueuedWithThenRunsAfterThePrecedingLinesAreOut() {
        Simulation sim = new Simulation(1);
        KernelLog log = new KernelLog(sim, "k", 0);
        log.setConsoleBaud(9600);
        ConsolePrinter out = new ConsolePrinter(sim, log);
        List<Long> ranAt = new ArrayList<>();
        out.print(LogLevel.INFO, "", "aaaa\n");
        out.print(LogLevel.INFO, "", "bbbbbbbb\n");
        out.then(() -> ranAt.add(sim.now()));
        assertTrue(out.isBusy());
        sim.run();
        assertFalse(out.isBusy());
        LogRecord last = log.records().get(1);
        assertEquals(List.of(last.timeNs() + log.consoleLineNs(last)), ranAt);
    }

    @Test
    void withoutASerialConsoleLinesCostNothing() {
        Simulation sim = new Simulation(1);
        KernelLog log = new KernelLog(sim, "k", 0);
        ConsolePrinter out = new ConsolePrinter(sim, log);
        boolean[] ran = {false};
        out.print(LogLevel.INFO, "", "one\n");
        out.print(LogLevel.INFO, "", "two\n");
        out.then(() -> ran[0] = true);
        assertTrue(ran[0], "no console time: the callback runs synchronously");
        assertEquals(log.records().get(0).timeNs(), log.records().get(1).timeNs());
    }
}
