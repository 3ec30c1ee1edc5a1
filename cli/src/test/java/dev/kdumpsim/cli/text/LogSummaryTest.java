package dev.kdumpsim.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogSummaryTest {

    static final String SMMU = "arm-smmu-v3 arm-smmu-v3.0.auto: ";

    static String event(StringBuilder sb, double t, String dw0) {
        sb.append(String.format(java.util.Locale.ROOT, "[%12.6f] %sevent 0x02 received:%n", t, SMMU));
        sb.append(String.format(java.util.Locale.ROOT, "[%12.6f] %s\t%s%n", t + 0.001, SMMU, dw0));
        for (int i = 0; i < 3; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "[%12.6f] %s\t0x0000000000000000%n", t + 0.002 + i * 0.001, SMMU));
        }
        return sb.toString();
    }

    @Test
    void aFloodOfEventRecordsKeepsThreeAndNamesTheRestByDecodedDwords() {
        StringBuilder sb = new StringBuilder("=== kdump kernel ===\n[    7.000000] arm-smmu-v3 arm-smmu-v3.0.auto: SMMU currently enabled! Resetting...\n");
        for (int i = 0; i < 20; i++) {
            event(sb, 7.01 + i * 0.01, i % 4 == 0 ? "0x0000010100000002" : "0x0000010000000002");
        }
        sb.append("[    9.000000] kdump: saving vmcore complete\n");
        String s = LogSummary.summarize(sb.toString(), "out/kernel.log", Style.PLAIN);
        List<String> lines = s.lines().toList();
        assertEquals(2 + 3 * 5 + 1 + 1, lines.size(), s);
        assertEquals("               ... 17 more 'event 0x02 received' records, 7.040000 s to 7.200000 s: "
                + "C_BAD_STREAMID sid 0x100 x13, C_BAD_STREAMID sid 0x101 x4; all in out/kernel.log", lines.get(17));
        assertEquals("[    9.000000] kdump: saving vmcore complete", lines.get(18));
    }

    @Test
    void fewRepeatsAreShownInFull() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LogSummary.KEEP + LogSummary.MIN_HIDDEN - 1; i++) {
            event(sb, 1 + i, "0x0000010000000002");
        }
        assertEquals(sb.toString(), LogSummary.summarize(sb.toString(), "x", Style.PLAIN));
    }

    @Test
    void anotherDriversLineBetweenARecordsDwordsStaysAndTheRecordStaysInItsFlood() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            event(sb, 1 + i * 0.01, "0x0000010000000002");
        }
        sb.append("[    2.000000] ").append(SMMU).append("event 0x02 received:\n");
        sb.append("[    2.000500] pci 0000:01:00.0: Malformed TLP\n");
        sb.append("[    2.001000] ").append(SMMU).append("\t0x0000010000000002\n");
        for (int i = 0; i < 3; i++) {
            sb.append("[    2.00200").append(i).append("] ").append(SMMU).append("\t0x0000000000000000\n");
        }
        String s = LogSummary.summarize(sb.toString(), "x", Style.PLAIN);
        // the AER line interrupts the last record's dwords: it stays, the record's own lines are in the flood
        assertTrue(s.endsWith("[    1.024000] " + SMMU + "\t0x0000000000000000\n"
                + "               ... 8 more 'event 0x02 received' records, 1.030000 s to 2.000000 s: C_BAD_STREAMID sid 0x100 x8; all in x\n"
                + "[    2.000500] pci 0000:01:00.0: Malformed TLP\n"), s);
    }

    @Test
    void singleLinesWithChangingNumbersAreOneFloodAndSectionsEndRuns() {
        StringBuilder sb = new StringBuilder("=== kernel #1 ===\n");
        for (int i = 0; i < 12; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "[%12.6f] pci 0000:02:00.0: AER: Corrected error received: id=%04x%n", 1.0 + i, i));
        }
        sb.append("=== kdump kernel ===\n");
        for (int i = 0; i < 4; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "[%12.6f] pci 0000:02:00.0: AER: Corrected error received: id=%04x%n", 1.0 + i, i));
        }
        String s = LogSummary.summarize(sb.toString(), "x", Style.PLAIN);
        List<String> lines = s.lines().toList();
        assertEquals("               ... 9 more lines like 'AER: Corrected error received: id=0003', 4.000000 s to 12.000000 s; all in x",
                lines.get(4), s);
        assertEquals("=== kdump kernel ===", lines.get(5));
        assertEquals(1 + 3 + 1 + 1 + 4, lines.size(), s);
    }

    @Test
    void styledHeadersAndSummariesOnlyWithAnsi() {
        StringBuilder sb = new StringBuilder("=== kernel #1 ===\n");
        for (int i = 0; i < 10; i++) {
            event(sb, 1 + i, "0x0000010000000002");
        }
        String ansi = LogSummary.summarize(sb.toString(), "x", Style.ANSI);
        assertTrue(ansi.startsWith("\u001b[1m=== kernel #1 ===\u001b[0m\n"), ansi);
        assertTrue(ansi.contains("\u001b[2m               ... 7 more"), ansi);
        assertTrue(!LogSummary.summarize(sb.toString(), "x", Style.PLAIN).contains("\u001b"));
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertEquals(Style.ANSI, Style.choose(true, k -> null));
        assertEquals(Style.ANSI, Style.choose(true, k -> k.equals("NO_COLOR") ? "" : null));
        assertEquals(Style.PLAIN, Style.choose(true, k -> k.equals("NO_COLOR") ? "1" : null));
        assertEquals(Style.PLAIN, Style.choose(true, k -> k.equals("TERM") ? "dumb" : null));
        assertEquals(Style.PLAIN, Style.choose(false, k -> null));
    }
}
