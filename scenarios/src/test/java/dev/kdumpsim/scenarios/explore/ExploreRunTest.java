package dev.kdumpsim.scenarios.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import dev.kdumpsim.scenarios.sweep.Shard;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16's "must show" for explore: over timing (seed, crash instant, kdump boot phases), the
 * 2018 machine under arm-smmu-v3@4.16 has a run whose DMA bypasses the SMMU onto the kdump kernel's
 * live data, and worst.yaml reproduces it; the same machine under arm-smmu-v3@5.2 (GBPA abort before
 * the reset: no bypass window) has none within the budget.
 */
class ExploreRunTest {

    private static ExploreRun.Outcome explore(String library, Path dir, int jobs, String... sets) throws Exception {
        Path file = Path.of("library", library);
        ExploreRun run = ExploreRun.prepare(file.toString(), Files.readString(file), List.of(sets), Harm.KDUMP_CORRUPTED, 8, 2);
        return run.run(new SweepOptions(jobs, Shard.ALL, dir, false));
    }

    @Test
    void findsTheBypassWindowCorruptionOfThe2018MachineUnder416(@TempDir Path dir) throws Exception {
        // seed 11 is one of the few the file's own timing does not corrupt with: the search starts from a harmless point
        ExploreRun.Outcome o = explore("report-2018.yaml", dir, 2, "seed=11");
        assertEquals(false, o.result().evaluations().get(0).scored().detail().get("reached"), "the file's own point is harmless");
        assertTrue(o.reached());
        Scenario worst = ScenarioLoader.parse("worst.yaml", Files.readString(dir.resolve("worst.yaml")), List.of());
        assertEquals("arm-smmu-v3@4.16", worst.kernels().kdump().driverPolicy().specName());
        Map<String, Object> verdict = cast(ScenarioRunner.run(worst, "t").report().get("verdict"));
        assertEquals(true, verdict.get("kdumpCorrupted"));
        assertTrue(((Number) verdict.get("liveWrites")).longValue() > 0, "a write landed on live kdump data: " + verdict);
        assertEquals(2, o.worstShare().tried());
    }

    @Test
    void findsNoCorruptionWhenThe52DriverClosesTheWindow(@TempDir Path dir) throws Exception {
        ExploreRun.Outcome o = explore("policy-5.2-abort-then-reset.yaml", dir, 2);
        assertFalse(o.reached(), "no timing of the space corrupts the kdump kernel under 5.2");
        assertEquals(0, o.reachedRuns());
        assertEquals(8, o.result().evaluations().size());
        assertEquals(0, o.fileShare().reached());
        assertTrue(Files.readString(dir.resolve("explore.md")).contains("Not reached in 8 run(s)"));
    }

    @Test
    void theSameBytesAtAnyJobs(@TempDir Path dir) throws Exception {
        explore("policy-5.2-abort-then-reset.yaml", dir.resolve("a"), 1);
        explore("policy-5.2-abort-then-reset.yaml", dir.resolve("b"), 2);
        for (String f : ExploreRun.FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
