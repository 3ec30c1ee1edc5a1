package dev.kdumpsim.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The hand-written scans against the regular expressions they replace, on seeded random lines. */
class LogSummaryScanTest {

    private static final String ALPHABET = "[]  \t.:_-/#xX0123456789abcdefgABCDEFGz\r\u000b\f\u00e9\u0301\u0085";

    private static String randomLine(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(3) > 0) { // most lines start like a log line, some of them broken
            sb.append('[').append(" ".repeat(r.nextInt(5))).append(r.nextInt(100)).append('.').append(r.nextInt(1_000_000));
            sb.append(r.nextInt(8) == 0 ? "]" : "] ");
        }
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(6) == 0) {
                sb.append(r.nextBoolean() ? "0x" : "").append(Long.toHexString(r.nextLong() >>> r.nextInt(64)));
            } else {
                char c = ALPHABET.charAt(r.nextInt(r.nextInt(10) == 0 ? ALPHABET.length() : ALPHABET.length() - 5));
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void splitsLinesExactlyAsTheLinePattern() {
        SplittableRandom r = new SplittableRandom(18);
        for (int k = 0; k < 200_000; k++) {
            String s = randomLine(r);
            Matcher m = LogSummaryScan.LINE.matcher(s);
            LogSummaryScan.Line l = LogSummaryScan.line(s);
            if (m.matches()) {
                assertEquals(new LogSummaryScan.Line(m.group(1), m.group(2)), l, s);
            } else {
                assertNull(l, s);
            }
        }
    }

    @Test
    void masksNumbersExactlyAsTheNumberPattern() {
        SplittableRandom r = new SplittableRandom(19);
        for (int k = 0; k < 200_000; k++) {
            String s = randomLine(r);
            assertEquals(LogSummaryScan.NUMBER.matcher(s).replaceAll("#"), LogSummaryScan.maskNumbers(s), s);
        }
    }

    @Test
    void masksTheNumbersOfRealLines() {
        assertEquals("pci #:#:#.#: AER: aer_status: #, aer_mask: #",
                LogSummaryScan.maskNumbers("pci 0000:01:00.0: AER: aer_status: 0x00040000, aer_mask: 0x00000000"));
        assertEquals("arm-smmu-v3 arm-smmu-v3.#.auto: event # received:",
                LogSummaryScan.maskNumbers("arm-smmu-v3 arm-smmu-v3.0.auto: event 0x02 received:"));
        assertEquals("0xabc deadbeef g12 12_ #", LogSummaryScan.maskNumbers("0xabc deadbeef g12 12_ 1a"));
    }
}
