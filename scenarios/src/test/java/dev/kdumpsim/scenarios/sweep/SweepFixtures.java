package dev.kdumpsim.scenarios.sweep;

import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A small sweep scenario and fake runners whose outcomes follow from the variant's values and seed. */
final class SweepFixtures {

    static final String FILE = "sweep-test.yaml";

    static final String TEXT = """
            name: sweep-test
            seed: 10
            platform:
              pcie:
                topology:
                  endpoints:
                    - bdf: "01:00.0"
            kernels:
              first:
                cmdline: "crashkernel=512M"
                drivers:
                  - device: "01:00.0"
              kdump:
                cmdline: reset_devices
            timeline:
              - {at: 10s, action: panic}
              - {at: 20s, clock: kdump, action: run-until}
            sweep:
              seeds: 3
              parameters:
                - path: kernels.kdump.smmuDriver
                  values: [arm-smmu-v3@4.16, arm-smmu-v3@5.2, arm-smmu-v3@kdump-adopt]
                - path: kernels.first.drivers[0].iovaFootprint
                  range: 64KiB..1MiB:*4
                - path: mitigations
                  values: ["[]", "[flr-all]"]
              exclude:
                - {kernels.kdump.smmuDriver: arm-smmu-v3@5.2, mitigations: "[flr-all]"}
              heatmap: {x: "kernels.first.drivers[0].iovaFootprint", y: kernels.kdump.smmuDriver}
            """;

    private SweepFixtures() {
    }

    /**
     * Metrics derived only from the variant: 4.16 without FLR corrupts unless the seed and the
     * footprint line up; 5.2 never does; kdump-adopt does for large footprints on odd seeds.
     * Integer and Float values check the row's normalization. The run "ends" at 20 s plus 1 ms per
     * page plus 1 us per seed on the simulation clock, so junit.xml times differ per variant.
     */
    static VariantOutcome outcome(Scenario s) {
        SmmuDriverPolicy policy = s.kernels().kdump().driverPolicy();
        long footprint = s.kernels().first().drivers().get(0).iovaFootprint().bytes();
        boolean flr = s.mitigations().contains(Mitigation.FLR_ALL);
        long pages = footprint / 4096;
        boolean corrupted = switch (policy) {
            case V4_16 -> !flr && (s.seed() + pages) % 3 != 0;
            case KDUMP_ADOPT -> pages >= 64 && s.seed() % 2 == 1;
            default -> false;
        };
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict.kdumpCorrupted", corrupted);
        m.put("verdict.firstCorruption", corrupted ? (pages > 16 ? "live-kdump-data" : "free-kdump-memory") : null);
        m.put("verdict.dumpSaved", !corrupted || pages < 64);
        m.put("verdict.dumpTaintedPages", corrupted ? pages * (s.seed() % 4 + 1) : 0L);
        m.put("verdict.wedgedDevices", 0);
        m.put("ledger.issued", 1000L + pages);
        m.put("ledger.fates.bypassedCrashkernelLive", corrupted ? pages : 0L);
        m.put("smmuEvents.lost", (int) (s.seed() % 3));
        m.put("timing.ratio", (float) pages / 8);
        List<String> failed = corrupted ? List.of("verdict.kdumpCorrupted: expected false, got true") : List.of();
        return new VariantOutcome(!corrupted, failed, m, 20_000_000_000L + pages * 1_000_000L + s.seed() * 1_000L);
    }

    /** The deterministic runner; counts its calls. */
    static final class FakeRunner implements VariantRunner {
        final AtomicInteger calls = new AtomicInteger();
        final boolean shuffle;

        FakeRunner(boolean shuffle) {
            this.shuffle = shuffle;
        }

        @Override
        public VariantOutcome run(Scenario variant) throws Exception {
            calls.incrementAndGet();
            if (shuffle) {
                // later variants of a point finish first: completion order differs from variant order
                Thread.sleep((variant.seed() * 7 + variant.kernels().first().drivers().get(0).iovaFootprint().bytes() / 65536) % 5);
            }
            return outcome(variant);
        }
    }

    /** Crashes for kdump-adopt with 1MiB footprints (a simulator bug, say). */
    static final class CrashingRunner implements VariantRunner {
        @Override
        public VariantOutcome run(Scenario variant) {
            if (variant.kernels().kdump().driverPolicy() == SmmuDriverPolicy.KDUMP_ADOPT
                    && variant.kernels().first().drivers().get(0).iovaFootprint().bytes() == 1 << 20) {
                throw new IllegalStateException("event queue overflow <boom> & \"quotes\"");
            }
            return outcome(variant);
        }
    }

    /** Every file of {@code dir} (name to bytes), sorted by name. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static List<String> names(Map<String, byte[]> files) {
        return new ArrayList<>(files.keySet());
    }
}
