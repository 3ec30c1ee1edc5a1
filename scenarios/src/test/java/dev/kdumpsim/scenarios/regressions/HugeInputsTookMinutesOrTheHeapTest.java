package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What broke: {@code validate /dev/zero} read the whole stream into memory and died with
 * OutOfMemoryError after 29 s; a 50 MB double-quoted scalar took over 580 s in snakeyaml-engine's
 * scanner (super-linear in a token's length). Fix: files are read through a stream that stops at
 * 1 MiB + 1 byte, text is checked for length and line length before scanning, and scalars longer
 * than 64 Ki characters are refused as the parser emits them; each is a located error.
 */
class HugeInputsTookMinutesOrTheHeapTest {

    @Test
    void devZeroIsRefusedAfterOneMebibyte() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero));
        ScenarioException e = assertTimeoutPreemptively(Hostile.QUICKLY,
                () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(zero)));
        assertAt(e, "/dev/zero", 1, 1048577, "larger than 1024 KiB");
    }

    @Test
    void aFiftyMegabyteQuotedScalarIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.yaml");
        byte[] b = new byte[50_000_000];
        java.util.Arrays.fill(b, (byte) 'a');
        byte[] head = "name: \"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        Files.write(f, b);
        ScenarioException e = assertTimeoutPreemptively(Hostile.QUICKLY,
                () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f)));
        assertAt(e, f.toString(), 1, 1048577, "larger than 1024 KiB");
        // the same text given as a string (sweeps hold the text) is refused by its length
        assertAt(error(new String(b, java.nio.charset.StandardCharsets.US_ASCII)), "s.yaml", 1, 1048577, "longer than 1024 KiB");
    }

    @Test
    void aLongLineIsRefusedWhereItPassesTheLimit() {
        assertAt(error("name: t\ndescription: \"" + "a".repeat(100_000) + "\"\n"), "s.yaml", 2, 16385, "line is longer than 16384");
    }

    @Test
    void aLongScalarOnManyShortLinesIsRefusedAtItsStart() {
        String text = "name: t\ndescription: \"" + "word word word\n ".repeat(5000) + "\"\n";
        assertAt(error(text), "s.yaml", 2, 14, "value is longer than 65536 characters");
    }
}
