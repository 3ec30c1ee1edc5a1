package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What broke: a NUL byte on line 3 was reported at 1:1 (snakeyaml-engine's reader rejects
 * non-printable characters with no mark), and a byte that is not UTF-8 at 0:0. Fix: the text is
 * scanned for characters YAML 1.2 does not allow (section 5.1, c-printable) before the YAML
 * scanner, and strict UTF-8 decoding reports the offset of the first malformed byte; both at
 * their real line and column.
 */
class NulByteWasReportedAtLineOneTest {

    @Test
    void nulIsLocatedAtItsLineAndColumn() {
        ScenarioException e = error("name: t\nseed: 1\ndescription: ab\0c\n");
        assertAt(e, "s.yaml", 3, 16, "character U+0000 is not allowed in YAML");
    }

    @Test
    void malformedUtf8IsLocatedAtItsByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, "name: t\ndescription: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertAt(e, f.toString(), 2, 17, "not UTF-8 text: byte 0xe9 at offset 24");
    }
}
