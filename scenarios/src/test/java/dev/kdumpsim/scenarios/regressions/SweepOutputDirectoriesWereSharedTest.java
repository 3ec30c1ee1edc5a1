package dev.kdumpsim.scenarios.regressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.sweep.SweepInputException;
import dev.kdumpsim.scenarios.sweep.SweepMerge;
import dev.kdumpsim.scenarios.sweep.VariantRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What broke, all in sweep output directories: a sweep deleted the user's own policy-*.png and
 * heatmap-* by prefix; two sweeps on one --out interleaved their journals; merge accepted an --out
 * that was one of its inputs; --resume on another sweep's directory silently started over;
 * files came out 0600 under a strict umask. Fix: sweep.json lists what the sweep wrote and only
 * those files are ever removed; a lock per output directory (the second sweep or merge fails at
 * once); merge refuses an input as --out; --resume refuses another sweep's outputs; every file
 * is written 0644.
 */
class SweepOutputDirectoriesWereSharedTest {

    @Test
    void aSweepRemovesOnlyWhatItsManifestSaysItWrote(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve("policy-mine.png"), "mine");
        Files.writeString(out.resolve("heatmap-notes.txt"), "mine");
        HostileSweeps.run(HostileSweeps.plan(HostileSweeps.TEXT), HostileSweeps.FAKE, out, false);
        assertEquals("mine", Files.readString(out.resolve("policy-mine.png")));
        assertEquals("mine", Files.readString(out.resolve("heatmap-notes.txt")));
        assertTrue(Files.readString(out.resolve("sweep.json")).contains("\"outputs\""));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("results.csv"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("sweep.json"))));
    }

    @Test
    void aSecondSweepOnTheSameOutFailsAtOnce(@TempDir Path out) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        VariantRunner slow = s -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HostileSweeps.FAKE.run(s);
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> HostileSweeps.run(HostileSweeps.plan(HostileSweeps.TEXT), slow, out, false));
            running.await();
            SweepInputException e = assertThrows(SweepInputException.class,
                    () -> HostileSweeps.run(HostileSweeps.plan(HostileSweeps.TEXT), HostileSweeps.FAKE, out, false));
            assertTrue(e.getMessage().contains("is in use by another kdumpsim sweep or merge"), e.getMessage());
            assertThrows(SweepInputException.class, () -> SweepMerge.merge(List.of(out.resolveSibling("x")), out));
            release.countDown();
            first.get();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertFalse(Files.exists(out.resolve(".kdumpsim.lock")));
    }

    @Test
    void mergeRefusesAnInputAsItsOut(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        HostileSweeps.run(HostileSweeps.plan(HostileSweeps.TEXT), HostileSweeps.FAKE, a, false);
        SweepInputException e = assertThrows(SweepInputException.class, () -> SweepMerge.merge(List.of(a), dir.resolve("a/../a")));
        assertTrue(e.getMessage().contains("is one of the directories to merge"), e.getMessage());
    }

    @Test
    void resumeOnAnotherSweepsDirectoryIsAnError(@TempDir Path out) throws Exception {
        HostileSweeps.run(HostileSweeps.plan(HostileSweeps.TEXT), HostileSweeps.FAKE, out, false);
        String other = HostileSweeps.TEXT.replace("crashkernel=1G", "crashkernel=2G");
        SweepInputException e = assertThrows(SweepInputException.class,
                () -> HostileSweeps.run(HostileSweeps.plan(other), HostileSweeps.FAKE, out, true));
        assertTrue(e.getMessage().contains("holds the outputs of another sweep"), e.getMessage());
    }
}
