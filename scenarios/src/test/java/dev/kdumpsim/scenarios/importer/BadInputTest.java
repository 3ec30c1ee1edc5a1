package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input an import refuses: one located error each, nothing else. */
class BadInputTest {

    @TempDir
    Path dir;

    private ScenarioException error(Path log, Path... lspci) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> LogImport.run(List.of(log), List.of(lspci), "o.yaml"));
        assertFalse(e.format().contains("\n"), e.format());
        return e;
    }

    @Test
    void anEmptyLog() throws Exception {
        Path p = Files.writeString(dir.resolve("empty.log"), "\n  \n");
        ScenarioException e = error(p);
        assertEquals(p + ":1:1: the file is empty (paste the console log or dmesg output into it)", e.format());
    }

    @Test
    void aBinaryLogIsLocatedAtItsFirstNul() throws Exception {
        Path p = Files.write(dir.resolve("vmcore"), new byte[] {'o', 'k', '\n', 'a', 'b', 0, 1, 2});
        ScenarioException e = error(p);
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.problem().contains("NUL"), e.format());
    }

    @Test
    void controlCharactersInManyLinesAreBinary() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            b.append("line ").append(i).append(i % 3 == 0 ? "\u0007" : "").append('\n');
        }
        ScenarioException e = error(Files.writeString(dir.resolve("bell.log"), b));
        assertEquals(1, e.line());
        assertTrue(e.problem().contains("control characters"), e.format());
    }

    @Test
    void aHugeLogIsRefusedAfterTheCap() throws Exception {
        Path p = dir.resolve("huge.log");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(LogText.MAX_BYTES + 1L); // sparse: no 16 MiB written
        }
        ScenarioException e = error(p);
        assertTrue(e.problem().contains("larger than 16 MiB"), e.format());
    }

    @Test
    void anUnreadableOrMissingFile() throws Exception {
        ScenarioException missing = error(dir.resolve("nope.log"));
        assertTrue(missing.problem().startsWith("cannot read file: NoSuchFileException"), missing.format());
        ScenarioException directory = error(dir);
        assertTrue(directory.problem().contains("directory"), directory.format());
    }

    @Test
    void anLspciFileThatIsNotLspciOutput() throws Exception {
        Path log = Files.writeString(dir.resolve("ok.log"), "[ 1.000000] pci 0000:01:00.0: hello\n");
        Path notLspci = Files.writeString(dir.resolve("lspci.txt"), "this is a mail, not lspci\n");
        ScenarioException e = error(log, notLspci);
        assertEquals(notLspci + ":1:1", e.file() + ":" + e.line() + ":" + e.column());
    }

    @Test
    void aLogWithNothingTheRulesKnowStillGivesAScenarioThatLoads() throws Exception {
        Path log = Files.writeString(dir.resolve("plain.log"), "hello\nworld\n");
        LogImport.Result r = LogImport.run(List.of(log), List.of(), "o.yaml");
        assertTrue(r.yaml().contains("expect.log: empty"), r.yaml());
        assertEquals("imported-plain", r.scenario().name());
    }
}
