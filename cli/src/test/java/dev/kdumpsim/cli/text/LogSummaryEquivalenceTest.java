package dev.kdumpsim.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streaming summary writes what the summary that held every line wrote ({@link
 * LogSummaryReference}, the code before issue #18 item 2): on seeded random logs built to hit
 * every case (floods at and around the collapse length, event records with AER lines between
 * their dwords, continuation lines with no record, === lines, non-ASCII) and on every golden
 * kernel.log of the scenario library.
 */
class LogSummaryEquivalenceTest {

    private static final String SMMU = "arm-smmu-v3 arm-smmu-v3.0.auto: ";
    private static final String[] PREFIXES = {"pcieport 0000:00:01.0: ", "pci 0000:01:00.0: ", "pci 0000:01:00.1: ", SMMU, ""};

    private static String ts(double t) {
        return String.format(Locale.ROOT, "[%12.6f] ", t);
    }

    /** A log of {@code n} steps drawn from {@code rnd}: mostly floods, with everything that can interrupt one. */
    static String randomLog(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        double t = 0;
        List<String> dangling = new ArrayList<>(); // dwords of an event still to print, to interleave
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(3) * 0.000001 + 0.000123;
            int k = rnd.nextInt(100);
            if (!dangling.isEmpty() && rnd.nextInt(3) > 0) {
                sb.append(ts(t)).append(SMMU).append(dangling.remove(0)).append('\n');
            } else if (k < 3) {
                sb.append(rnd.nextBoolean() ? "=== kdump kernel ===" : "").append('\n');
            } else if (k < 35) {
                int flood = 1 + rnd.nextInt(14);
                String p = PREFIXES[rnd.nextInt(PREFIXES.length)];
                int shape = rnd.nextInt(3);
                for (int j = 0; j < flood; j++) {
                    t += 0.0001;
                    sb.append(ts(t)).append(p).append(shape == 0 ? "AER: device recovery failed"
                            : shape == 1 ? "counter " + rnd.nextInt(1000) + " at 0x" + Integer.toHexString(rnd.nextInt())
                            : "naïve ☃ " + rnd.nextInt(3)).append('\n');
                }
            } else if (k < 70) {
                int flood = 1 + rnd.nextInt(14);
                boolean interleave = rnd.nextInt(4) == 0;
                for (int j = 0; j < flood; j++) {
                    t += 0.0001;
                    String dw0 = String.format(Locale.ROOT, "0x%08x%08x", 0x100 + rnd.nextInt(3), rnd.nextInt(4) == 0 ? 0x10 : 2);
                    sb.append(ts(t)).append(SMMU).append("event 0x").append(rnd.nextInt(8) == 0 ? "10" : "02").append(" received:\n");
                    List<String> dws = new ArrayList<>(List.of("\t" + dw0, "\t0x0000000000000000", "\t0x0000000000000000",
                            rnd.nextInt(20) == 0 ? "\tnot a dword" : "\t0x00000000deadb000"));
                    if (rnd.nextInt(15) == 0) {
                        dws.remove(3); // a record with three continuation lines
                    }
                    if (interleave) {
                        sb.append(ts(t)).append(SMMU).append(dws.remove(0)).append('\n');
                        dangling.addAll(dws);
                        break;
                    }
                    for (String d : dws) {
                        sb.append(ts(t)).append(SMMU).append(d).append('\n');
                    }
                }
            } else if (k < 80) {
                sb.append(ts(t)).append(PREFIXES[rnd.nextInt(PREFIXES.length)]).append("\tstray continuation ").append(i).append('\n');
            } else if (k < 85) {
                sb.append("not a log line ").append(rnd.nextInt(3)).append('\n');
            } else {
                sb.append(ts(t)).append(PREFIXES[rnd.nextInt(PREFIXES.length)]).append("AER: Uncorrected (Non-Fatal) error received: 0000:01:00.")
                        .append(rnd.nextInt(2)).append('\n');
            }
        }
        for (String d : dangling) {
            sb.append(ts(t)).append(SMMU).append(d).append('\n');
        }
        return sb.toString();
    }

    private static void same(String log, String what) throws IOException {
        for (Style style : new Style[] {Style.PLAIN, Style.ANSI}) {
            String want = LogSummaryReference.summarize(log, "out/kernel.log", style);
            assertEquals(want, LogSummary.summarize(log, "out/kernel.log", style), what);
            StringBuilder streamed = new StringBuilder();
            LogSummary.summarize(Arrays.asList(log.split("\n")), "out/kernel.log", style, streamed);
            assertEquals(want, streamed.toString(), what + " (lines)");
        }
    }

    @Test
    void seededLogsSummariseAsBefore() throws IOException {
        int withKinds = 0;
        int withLate = 0;
        int collapsedRuns = 0;
        for (long seed = 0; seed < 400; seed++) {
            Random rnd = new Random(seed);
            String log = randomLog(rnd, 20 + rnd.nextInt(300));
            same(log, "seed " + seed);
            String summary = LogSummaryReference.summarize(log, "x", Style.PLAIN);
            withKinds += summary.contains("' records, ") && summary.contains(" x") ? 1 : 0;
            collapsedRuns += summary.split("               \\.\\.\\. ", -1).length - 1;
            withLate += LateContinuations.of(Arrays.asList(log.split("\n"))).isEmpty() ? 0 : 1;
        }
        // the inputs reach the cases they are built for
        org.junit.jupiter.api.Assertions.assertTrue(withKinds > 50 && withLate > 50 && collapsedRuns > 400,
                withKinds + " logs with decoded kinds, " + withLate + " with late continuations, " + collapsedRuns + " runs collapsed");
    }

    @Test
    void edgeCasesSummariseAsBefore() throws IOException {
        for (String log : new String[] {"", "\n", "x", "[    1.000000] a\n\n\n", "[    1.000000] \t0x1\n"}) {
            same(log, "'" + log + "'");
        }
    }

    @Test
    void everyGoldenKernelLogSummarisesAsBefore() throws IOException {
        Path golden = Path.of("../scenarios/src/test/resources/golden");
        List<Path> logs;
        try (Stream<Path> s = Files.walk(golden)) {
            logs = s.filter(p -> p.getFileName().toString().equals("kernel.log")).sorted().toList();
        }
        org.junit.jupiter.api.Assertions.assertFalse(logs.isEmpty(), "no golden kernel.log under " + golden.toAbsolutePath());
        for (Path p : logs) {
            same(Files.readString(p), p.toString());
        }
    }
}
