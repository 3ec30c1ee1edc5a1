package dev.kdumpsim.cli.regressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.KdumpSim;
import dev.kdumpsim.scenarios.sweep.OutputLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What broke: sweep and merge locked their --out, but run did not, so a run into a directory a
 * sweep was writing interleaved with it. Input: {@code run FILE -o DIR} while DIR is locked.
 * Fix: run commits its files under the same per-directory lock; a held lock is one located line,
 * exit 2, and nothing written.
 */
class RunOutputWasNotLockedTest {

    @Test
    void aRunIntoALockedDirectoryFailsAtOnceAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int rc;
        try (OutputLock held = OutputLock.acquire(out, "test")) {
            rc = KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
                    "../scenarios/library/policy-4.19-abort.yaml", "--log", "none", "-o", out.toString());
        }
        assertEquals(2, rc, err.toString());
        assertTrue(err.toString().contains("is in use by another kdumpsim"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(out.resolve("kernel.log")));
        assertFalse(Files.exists(out.resolve("report.json")));
    }
}
