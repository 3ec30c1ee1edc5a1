package dev.kdumpsim.scenarios.regressions;

import dev.kdumpsim.scenarios.sweep.SweepEngine;
import dev.kdumpsim.scenarios.sweep.SweepOptions;
import dev.kdumpsim.scenarios.sweep.SweepPlan;
import dev.kdumpsim.scenarios.sweep.SweepProgress;
import dev.kdumpsim.scenarios.sweep.SweepResult;
import dev.kdumpsim.scenarios.sweep.VariantOutcome;
import dev.kdumpsim.scenarios.sweep.VariantRunner;
import dev.kdumpsim.scenarios.sweep.Shard;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sweep scenario for the sweep regressions and a fake runner (no simulation: the sweep machinery is under test). */
final class HostileSweeps {

    static final String TEXT = Hostile.BASE + """
            sweep:
              parameters:
                - path: kernels.kdump.smmuDriver
                  values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2]
                - path: seed
                  range: 1..5
            """.replace("- path: seed\n      range: 1..5", "- path: kernels.first.cmdline\n      values: [crashkernel=512M, crashkernel=1G]");

    /** Corrupted for 4.16, not for 5.2. */
    static final VariantRunner FAKE = s -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict.kdumpCorrupted", s.kernels().kdump().driverPolicy().specName().endsWith("4.16"));
        m.put("verdict.dumpTaintedPages", 0L);
        return new VariantOutcome(true, List.of(), m);
    };

    private HostileSweeps() {
    }

    static SweepPlan plan(String text, String... params) throws Exception {
        return SweepPlan.create("s.yaml", text, List.of(), List.of(params), null);
    }

    static SweepResult run(SweepPlan plan, VariantRunner runner, Path out, boolean resume) throws Exception {
        return SweepEngine.run(plan, runner, new SweepOptions(1, Shard.ALL, out, resume), SweepProgress.NONE);
    }
}
