package dev.kdumpsim.cli.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.common.ExitCodes;
import dev.kdumpsim.cli.KdumpSim;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DecodeSmmuEventCommandTest {

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KdumpSim.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void reportsRecordDecodesToBadStreamIdForStreamId0x100() {
        String[] r = run("decode", "smmu-event", "0x0000010000000002", "0", "0", "0", "--json");
        assertEquals("0", r[0], r[2]);
        String json = r[1].strip();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        assertTrue(json.contains("\"id\":\"0x02\""), json);
        assertTrue(json.contains("\"name\":\"C_BAD_STREAMID\""), json);
        assertTrue(json.contains("\"streamId\":\"0x100\""), json);
        assertTrue(json.contains("\"read\":false"), json);
        assertTrue(json.contains("\"inputAddress\":\"0x"), json);
        assertEquals(1, r[1].strip().lines().count(), "one object");
    }

    @Test
    void textOutputNamesTheEvent() {
        String[] r = run("decode", "smmu-event", "0000010000000002", "0", "0", "0");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("C_BAD_STREAMID"), r[1]);
    }

    @Test
    void badInputIsOneClearErrorWithExitTwo() {
        for (String[] args : new String[][] {
            {"decode", "smmu-event", "0x2", "0"},
            {"decode", "smmu-event", "zz", "0", "0", "0"}}) {
            String[] r = run(args);
            assertEquals(Integer.toString(ExitCodes.USAGE), r[0], String.join(" ", args));
            assertTrue(r[2].startsWith("kdumpsim: smmu-event:"), r[2]);
            assertEquals(1, r[2].strip().lines().count(), r[2]);
            assertFalse(r[2].contains("Exception"), r[2]);
        }
    }
}
