package dev.kdumpsim.scenarios.regressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.sweep.SweepResult;
import dev.kdumpsim.scenarios.sweep.VariantRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What broke: an OutOfMemoryError in one variant's run escaped the worker and ended the whole
 * sweep; a variant whose estimated run was over the budget stopped the sweep as "invalid input".
 * Fix: both are that variant's result, a crashed (ERROR) row naming the cause, and the sweep
 * runs the other variants.
 */
class SweepCrashesStoppedTheSweepTest {

    @Test
    void anOutOfMemoryErrorIsACrashedRow(@TempDir Path out) throws Exception {
        VariantRunner oom = s -> {
            if (s.kernels().kdump().driverPolicy().specName().endsWith("5.2") && s.kernels().first().cmdline().endsWith("1G")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return HostileSweeps.FAKE.run(s);
        };
        SweepResult r = HostileSweeps.run(HostileSweeps.plan(HostileSweeps.TEXT), oom, out, false);
        assertEquals(4, r.variants());
        assertEquals(1, r.errors());
        assertTrue(Files.readString(out.resolve("results.jsonl")).contains("java.lang.OutOfMemoryError: Java heap space"));
    }

    @Test
    void aVariantOverTheRunBudgetIsACrashedRow(@TempDir Path out) throws Exception {
        String text = HostileSweeps.TEXT.replace("cmdline: \"crashkernel=512M\"\n", "cmdline: \"crashkernel=512M\"\n    drivers: [{device: \"01:00.0\"}]\n")
                + "    - path: kernels.first.drivers[0].dmaRatePerSec\n      values: [1000, 1000000000000]\n";
        SweepResult r = HostileSweeps.run(HostileSweeps.plan(text), HostileSweeps.FAKE, out, false);
        assertEquals(8, r.variants());
        assertEquals(4, r.errors());
        assertTrue(Files.readString(out.resolve("results.jsonl")).contains("raise it with --max-events N"));
        // the CLI's --max-events reaches each variant through the plan
        var raised = dev.kdumpsim.scenarios.sweep.SweepPlan.create("s.yaml", text, java.util.List.of(), java.util.List.of(), null, 1_000_000_000_000_000L);
        assertEquals(0, HostileSweeps.run(raised, HostileSweeps.FAKE, out.resolve("raised"), false).errors());
    }
}
