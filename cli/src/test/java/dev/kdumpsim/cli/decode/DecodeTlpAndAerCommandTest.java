package dev.kdumpsim.cli.decode;

import static dev.kdumpsim.cli.decode.DecodeSmmuEventCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecodeTlpAndAerCommandTest {

    @Test
    void reportsHeaderLogIsACompleterAbortFromTheRootComplex() {
        String[] r = run("decode", "tlp", "0a00a000", "00008100", "01010100", "00000000", "--json");
        assertEquals("0", r[0], r[2]);
        String j = r[1].strip();
        assertTrue(j.contains("\"type\":\"Cpl\""), j);
        assertTrue(j.contains("\"status\":\"CA\""), j);
        assertTrue(j.contains("\"completerId\":\"00:00.0\""), j);
        assertTrue(j.contains("\"requesterId\":\"01:00.1\""), j);
        assertTrue(j.contains("\"tag\":1"), j);
        assertTrue(j.contains("\"byteCount\":256"), j);
        assertTrue(j.contains("\"fmt\""), j);
        assertTrue(j.contains("\"lengthDw\""), j);
    }

    @Test
    void memoryReadCarriesItsAddress() {
        // MRd 3DW, length 64 DW, requester 01:00.1, tag 1, address 0xfffff000
        String[] r = run("decode", "tlp", "00000040", "0101010f", "fffff000", "--json");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"type\":\"MRd\""), r[1]);
        assertTrue(r[1].contains("\"address\":\"0x"), r[1]);
        assertTrue(r[1].toLowerCase().contains("fffff000"), r[1]);
        assertTrue(r[1].contains("\"status\":null") && r[1].contains("\"completerId\":null"), "every key is present: " + r[1]);
    }

    @Test
    void aerStatusOfTheReportIsMalformedTlp() {
        String[] r = run("decode", "aer-uncor", "0x00040000", "--json");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"errors\":[\"Malformed TLP\"]"), r[1]);
        String[] sev = run("decode", "aer-uncor", "0x00062011");
        assertEquals("0", sev[0]);
        assertTrue(sev[1].contains("Malformed TLP") && sev[1].contains("Receiver Overflow"), sev[1]);
    }

    @Test
    void badTlpAndAerInputAreOneLineExitTwo() {
        for (String[] args : new String[][] {
            {"decode", "tlp", "0a00a000", "00008100"},
            {"decode", "tlp", "0a00a000", "0000810g", "01010100"},
            {"decode", "aer-uncor", "bogus"}}) {
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", args));
            assertEquals(1, r[2].strip().lines().count(), r[2]);
            assertFalse(r[2].contains("Exception"), r[2]);
        }
    }
}
