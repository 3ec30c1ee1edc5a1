package dev.kdumpsim.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.common.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HoldCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dev.kdumpsim.cli.KdumpSim.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void jsonLastLineHasTheContractedShape() {
        String[] r = run("bench", "hold", "--pending", "100", "--events", "20000", "--iterations", "3", "--warmup", "1", "--json");
        assertEquals("0", r[0], r[2]);
        String[] lines = r[1].strip().split("\n");
        String last = lines[lines.length - 1];
        Matcher m = Pattern.compile(
                "\\{\"pending\":100,\"events\":20000,\"eventsPerSecond\":\\{\"median\":(\\d+),\"min\":(\\d+),\"max\":(\\d+)}}")
                .matcher(last);
        assertTrue(m.matches(), last);
        long median = Long.parseLong(m.group(1));
        long min = Long.parseLong(m.group(2));
        long max = Long.parseLong(m.group(3));
        assertTrue(min <= median && median <= max, last);
        assertEquals(3, r[1].lines().filter(l -> l.startsWith("iteration ")).count());
        assertEquals(1, r[1].lines().filter(l -> l.startsWith("warmup ")).count());
    }

    @Test
    void shortSeedOptionTakesHex() {
        String[] r = run("bench", "hold", "--pending", "10", "--events", "100", "--iterations", "1", "--warmup", "0", "-s", "0x10");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("hold model: pending=10 events=100 warmup=0 iterations=1 seed=16\n"), r[1]);
        assertEquals(Integer.toString(ExitCodes.USAGE), run("bench", "hold", "--seed", "x")[0]);
    }

    @Test
    void nonPositiveCountsAreUsageErrors() {
        assertEquals(Integer.toString(ExitCodes.USAGE), run("bench", "hold", "--pending", "0")[0]);
        assertEquals(Integer.toString(ExitCodes.USAGE), run("bench", "hold", "--events", "ten")[0]);
    }
}
