package dev.kdumpsim.kernel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Records go in, the same records come out in order, whether they stayed in the window or went to the spill file. */
class LogStoreTest {

    private static LogRecord record(int i, Random rnd) {
        return switch (i % 5) {
            case 0 -> new LogRecord("kdump", i * 1000L, i * 10L, LogLevel.ERR, "pci 0000:01:00." + (i % 2) + ": ",
                    "AER:   device [%04x:%04x] error status/mask=%08x/%08x\n", List.of(0x8086, 0x10c9, i, 0));
            case 1 -> new LogRecord("kernel1", i * 1000L, -i, LogLevel.values()[i % 8], "",
                    "%s: %d callbacks suppressed %c %llx\n", List.of("f" + rnd.nextInt(50), i, 'x', (long) i << 40));
            case 2 -> new LogRecord("kdump", Long.MAX_VALUE - i, Long.MIN_VALUE + i, LogLevel.WARNING, "", "%s %s\n",
                    List.of("naïve ☃ 日本語 \uD83D\uDE00", "lone \uD800 surrogate"));
            case 3 -> new LogRecord("kdump", i, i, LogLevel.INFO, "dev: ", "%d %d %u %d\n",
                    java.util.Arrays.asList((short) -3, (byte) 7, true, 'c'));
            default -> new LogRecord("kdump", i, i, LogLevel.DEBUG, "", "%s\n", List.of("x".repeat(rnd.nextInt(30_000))));
        };
    }

    private static List<LogRecord> records(int n) {
        Random rnd = new Random(18);
        List<LogRecord> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(record(i, rnd));
        }
        return all;
    }

    private static List<LogRecord> read(LogStore s) {
        List<LogRecord> out = new ArrayList<>();
        s.iterator(s.size()).forEachRemaining(out::add);
        return out;
    }

    @Test
    void recordsRoundTripOnBothSidesOfTheSpillBoundary() {
        for (int n : new int[] {0, 1, 15, 16, 17, 1000}) {
            List<LogRecord> want = records(n);
            LogStore s = new LogStore(16);
            want.forEach(s::add);
            assertEquals(want, read(s), n + " records");
            assertEquals(want, read(s), "a second pass reads the same");
            assertEquals(Math.min(n, 16), s.resident());
            s.close();
        }
    }

    @Test
    void aWindowOfOneSpillsAllButTheLast() {
        List<LogRecord> want = records(200);
        LogStore s = new LogStore(1);
        want.forEach(s::add);
        assertEquals(1, s.resident());
        assertEquals(want, read(s));
    }

    @Test
    void stringsLongerThanWriteUtfTakesAndUnicodeComeBackExactly() {
        String big = "ü\uD83D\uDE00".repeat(40_000); // 120,000 chars, past writeUTF's 65,535 bytes
        LogRecord r = new LogRecord("kdump", 1, 1, LogLevel.ERR, "", "%s\n", List.of(big));
        LogStore s = new LogStore(1);
        s.add(r);
        s.add(r);
        assertEquals(List.of(r, r), read(s));
    }

    @Test
    void argumentsOfOtherTypesComeBackAsWhatPercentSPrinted() {
        LogRecord r = new LogRecord("kdump", 1, 1, LogLevel.ERR, "", "%s\n", List.of(new StringBuilder("sb")));
        LogStore s = new LogStore(1);
        s.add(r);
        s.add(r);
        LogRecord back = read(s).get(0);
        assertEquals(List.of("sb"), back.args());
        assertEquals(r.text(), back.text());
    }

    @Test
    void aPassStartedBeforeMoreRecordsArriveStillReadsItsRecordsInOrder() {
        List<LogRecord> want = records(100);
        LogStore s = new LogStore(8);
        want.subList(0, 50).forEach(s::add);
        Iterator<LogRecord> it = s.iterator(50);
        List<LogRecord> got = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            got.add(it.next());
        }
        want.subList(50, 100).forEach(s::add); // the records this pass read from the window are spilled now
        it.forEachRemaining(got::add);
        assertEquals(want.subList(0, 50), got);
        assertEquals(want, read(s));
    }

    @Test
    void manyStringsPastTheTableCapAreWrittenInline() {
        LogStore s = new LogStore(4);
        List<LogRecord> want = new ArrayList<>();
        for (int i = 0; i < LogRecordCodec.TABLE_CAP + 500; i++) {
            want.add(new LogRecord("kdump", i, i, LogLevel.ERR, "dev" + i + ": ", "%s " + i + "\n", List.of("a" + i)));
        }
        want.forEach(s::add);
        assertEquals(want, read(s));
    }

    @Test
    void aClosedStoreNoLongerReadsItsFile() {
        LogStore s = new LogStore(2);
        records(10).forEach(s::add);
        s.close();
        assertThrows(UncheckedIOException.class, () -> read(s));
    }

    @Test
    void theViewIsASnapshotAndGetReadsFromTheFirst() {
        KernelLog log = new KernelLog(new dev.kdumpsim.core.Simulation(1), "kdump", 0, 4);
        for (int i = 0; i < 20; i++) {
            log.printk(LogLevel.INFO, "line %d\n", i);
        }
        LogRecords view = log.records();
        log.printk(LogLevel.INFO, "later\n");
        assertEquals(20, view.size());
        assertEquals("line 3", view.get(3).text());
        assertEquals("line 19", view.stream().reduce((a, b) -> b).orElseThrow().text());
        assertEquals(4, log.residentRecords());
        assertTrue(log.render().endsWith("line 19\n[    0.000000] later\n"));
        assertEquals(1, log.count("later"));
    }
}
