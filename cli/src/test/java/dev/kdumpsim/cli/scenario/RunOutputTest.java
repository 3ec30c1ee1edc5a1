package dev.kdumpsim.cli.scenario;

import static dev.kdumpsim.cli.scenario.RunCommandTest.LIB;
import static dev.kdumpsim.cli.scenario.RunCommandTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kdumpsim.cli.scenario.RunCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} prints and writes: summary, --log, --format, colour, and --out. */
class RunOutputTest {

    static final String REPORT = LIB + "report-2018.yaml";

    @TempDir
    static Path shared;
    static Result full;
    static String kernelLog;
    static String reportJson;

    @BeforeAll
    static void runTheReportOnce() throws Exception {
        full = exec("run", REPORT, "--log", "full", "-o", shared.resolve("full").toString());
        kernelLog = Files.readString(shared.resolve("full/kernel.log"));
        reportJson = Files.readString(shared.resolve("full/report.json"));
    }

    @AfterEach
    void restore() {
        RunCommand.terminal = () -> System.console() != null;
        RunCommand.env = System::getenv;
    }

    @Test
    void theDefaultSummaryCollapsesTheEventFloodAndKeepsEverythingElseInOrder(@TempDir Path dir) throws Exception {
        Result r = exec("run", REPORT, "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(kernelLog, Files.readString(dir.resolve("kernel.log")), "kernel.log stays the full log");
        assertEquals(reportJson, Files.readString(dir.resolve("report.json")));
        String logPart = r.out().substring(0, r.out().indexOf("=== verdict"));
        assertTrue(logPart.lines().count() < 150, logPart);
        assertTrue(logPart.contains("               ... 304 more 'event 0x02 received' records, 7.122923 s to 16.091932 s: "
                + "C_BAD_STREAMID sid 0x101 x61, C_BAD_STREAMID sid 0x100 x62, C_BAD_STREAMID sid 0x200 x181; all in "
                + dir.resolve("kernel.log")), logPart);
        assertTrue(logPart.contains("F_TRANSLATION sid 0x200 x14"), logPart);
        // every other line is a line of the full log, in the same order
        List<String> fullLines = kernelLog.lines().toList();
        int at = 0;
        for (String line : logPart.lines().toList()) {
            if (line.startsWith("               ... ")) {
                continue;
            }
            while (at < fullLines.size() && !fullLines.get(at).equals(line)) {
                at++;
            }
            assertTrue(at < fullLines.size(), "not in kernel.log (or out of order): " + line);
        }
        for (String aer : new String[] {"pci 0000:01:00.0: aer_status: 0x00040000", "pci 0000:01:00.0: Malformed TLP",
            "TLP Header: 0a00a000 00008100 01010100 00000000", "EVTQ overflow detected", "kdump: saving vmcore complete"}) {
            assertTrue(logPart.contains(aer), "summary lacks " + aer);
        }
        assertEquals(exec("run", REPORT).out().replace("all in --log full", "all in " + dir.resolve("kernel.log")), r.out(),
                "without --out the summary points at --log full");
    }

    @Test
    void logFullIsKernelLogAndNoneIsTheVerdictAlone() {
        assertEquals(0, full.code(), full.err());
        assertTrue(full.out().startsWith(kernelLog + "=== verdict: report-2018 (seed 3) ===\n"), full.out());
        Result none = exec("run", REPORT, "--log", "none");
        assertEquals(0, none.code(), none.err());
        assertEquals(full.out().substring(kernelLog.length()), none.out());
    }

    @Test
    void theVerdictIsInPlainWordsWithSecondsAndEveryExpectation() {
        String v = full.out().substring(kernelLog.length());
        for (String s : new String[] {
            "The kdump kernel was CORRUPTED by stray DMA: 1 write onto memory it was using, 2 writes onto free crashkernel memory.",
            "which bypassed the IOMMU onto crashkernel memory the kdump kernel was using [bypassedCrashkernelLive]",
            "at 7.033768 s on the kdump kernel's clock",
            "The IOMMU let DMA through untranslated from 7.033755 s to 7.034064 s on the kdump kernel's clock (0.000309 s).",
            "The dump was saved; 44453 of kernel #1's pages were written by DMA after the panic",
            "      136843 translated by the IOMMU as its owner intended [translated]\n",
            "        4455 aborted with nothing recorded (GBPA or STE abort, event queue off or full, fault registers full) [abortedSilent]\n",
            "by id: 0x02 C_BAD_STREAMID 4656, 0x10 F_TRANSLATION 250",
            "Expectations: 14 checked, all passed\n  passed  verdict.kdumpCorrupted is true\n"}) {
            assertTrue(v.contains(s), "verdict lacks: " + s + "\n" + v);
        }
        assertFalse(v.contains("\u001b"), "no colour when not a terminal");
    }

    @Test
    void failedExpectationsAreListedWithWhatTheRunGave() {
        Result r = exec("run", LIB + "policy-5.2-abort-then-reset.yaml", "--log", "none", "--set", "expect.verdict.dumpSaved=false");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("  FAILED  verdict.dumpSaved is false (verdict.dumpSaved: expected false, got true)\n"), r.out());
        assertTrue(r.out().contains(" 1 FAILED\n"), r.out());
        assertTrue(r.out().contains("  passed  "), r.out());
    }

    @Test
    void jsonFormatIsTheReportDocumentAlone() {
        Result r = exec("run", REPORT, "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(reportJson, r.out());
        Result both = exec("run", REPORT, "--format", "json", "--log", "full");
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("kdumpsim: --log applies to --format text"), both.err());
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        RunCommand.terminal = () -> true;
        RunCommand.env = k -> null;
        Result coloured = exec("run", REPORT, "--log", "none");
        assertTrue(coloured.out().contains("\u001b[1;31mThe kdump kernel was CORRUPTED by stray DMA\u001b[0m"), coloured.out());
        RunCommand.env = Map.of("NO_COLOR", "1")::get;
        assertFalse(exec("run", REPORT, "--log", "none").out().contains("\u001b"));
        RunCommand.env = k -> null;
        RunCommand.terminal = () -> false;
        assertFalse(exec("run", REPORT).out().contains("\u001b"));
        RunCommand.terminal = () -> true;
        assertTrue(exec("run", REPORT, "--format", "json").out().indexOf('\u001b') < 0, "json never carries colour");
    }

    @Test
    void outIsCheckedBeforeTheRun(@TempDir Path dir) throws Exception {
        Result empty = exec("run", REPORT, "--out", "");
        assertEquals(2, empty.code());
        assertEquals("kdumpsim: --out needs a directory name, got an empty one (write e.g. --out out/)\ntry 'kdumpsim run --help'\n", empty.err());
        assertTrue(empty.out().isEmpty(), "nothing simulated: " + empty.out());

        Path file = Files.writeString(dir.resolve("a-file"), "keep");
        Result isFile = exec("run", REPORT, "--out", file.toString());
        assertEquals(2, isFile.code());
        assertEquals("kdumpsim: --out " + file + ": exists and is not a directory (name a directory, new or existing)\n", isFile.err());
        assertTrue(isFile.out().isEmpty());
        assertEquals("keep", Files.readString(file));

        Result under = exec("run", REPORT, "--out", file.resolve("sub").toString());
        assertEquals(2, under.code());
        assertTrue(under.err().contains("is not a directory, so"), under.err());
        assertTrue(under.out().isEmpty());
    }

    @Test
    void anUnwritableOutIsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(ro), "running as a user who can write anywhere (root)");
            Result r = exec("run", REPORT, "--out", ro.resolve("out").toString());
            assertEquals(2, r.code());
            assertEquals("kdumpsim: --out " + ro.resolve("out") + ": " + ro + " is not writable\n", r.err());
            assertTrue(r.out().isEmpty());
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void outputFilesAre0644AndNoTemporaryFilesRemain(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new/deeper");
        Result r = exec("run", LIB + "mitigation-kexec-normal.yaml", "--log", "none", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"kernel.log", "report.json"}) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f))), f);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            List<String> names = all.map(p -> dir.relativize(p).toString()).sorted().toList();
            assertEquals(List.of("", "new", "new/deeper", "new/deeper/kernel.log", "new/deeper/report.json"), names);
        }
        // again into the existing directory: replaced, still nothing else
        assertEquals(0, exec("run", LIB + "mitigation-kexec-normal.yaml", "--log", "none", "-s", "9", "-o", out.toString()).code());
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"seed\": 9,"));
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(5, all.count());
        }
    }

    @Test
    void aDirectoryWhereAFileGoesIsRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kernel.log"));
        Result r = exec("run", REPORT, "-o", dir.toString());
        assertEquals(2, r.code());
        assertEquals("kdumpsim: --out " + dir + ": " + dir.resolve("kernel.log") + " is a directory\n", r.err());
    }
}
