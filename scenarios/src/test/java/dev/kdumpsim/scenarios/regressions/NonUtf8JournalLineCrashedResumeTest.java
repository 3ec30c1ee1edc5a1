package dev.kdumpsim.scenarios.regressions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.sweep.SweepInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What broke: a journal.jsonl with a byte that is not UTF-8 (a disk error, an editor saving
 * Latin-1) made {@code --resume} die with MalformedInputException and no position. Fix: the journal
 * (and results.jsonl, sweep.json) are decoded strictly and the error names {@code file:line:col}
 * and the byte, with what to do.
 */
class NonUtf8JournalLineCrashedResumeTest {

    @Test
    void aNonUtf8JournalLineIsLocated(@TempDir Path out) throws Exception {
        var plan = HostileSweeps.plan(HostileSweeps.TEXT);
        HostileSweeps.run(plan, HostileSweeps.FAKE, out, false);
        // an interrupted run's journal: the manifest line, then a line with a Latin-1 byte
        String manifest = Files.readString(out.resolve("sweep.json")).replaceAll("\\s*\\n\\s*", "");
        Files.write(out.resolve("journal.jsonl"), (manifest + "\n{\"index\": 0, \"x\": \"caf").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(out.resolve("journal.jsonl"), new byte[] {(byte) 0xe9, '"', '}', '\n'}, StandardOpenOption.APPEND);
        SweepInputException e = assertThrows(SweepInputException.class, () -> HostileSweeps.run(plan, HostileSweeps.FAKE, out, true));
        assertTrue(e.getMessage().contains("journal.jsonl:2:23: not UTF-8 text (byte 0xe9)"), e.getMessage());
    }
}
