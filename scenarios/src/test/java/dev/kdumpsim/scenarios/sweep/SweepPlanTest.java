package dev.kdumpsim.scenarios.sweep;

import static dev.kdumpsim.scenarios.sweep.SweepFixtures.FILE;
import static dev.kdumpsim.scenarios.sweep.SweepFixtures.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.policy.Mitigation;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.value.ValueRange;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private static SweepPlan plan(List<String> sets, List<String> params, Integer seeds) throws ScenarioException {
        return SweepPlan.create(FILE, TEXT, sets, params, seeds);
    }

    @Test
    void expandsTheCartesianProductFirstParameterSlowestSeedsFastestMinusExclusions() throws ScenarioException {
        SweepPlan p = plan(List.of(), List.of(), null);
        // 3 policies x 3 footprints (64KiB, 256KiB, 1MiB) x 2 mitigation lists = 18 points, 3 excluded, x 3 seeds
        assertEquals(45, p.size());
        assertEquals(List.of("64KiB", "256KiB", "1MiB"), p.axes().get(1).values());
        Variant v0 = p.variant(0);
        assertEquals(List.of("arm-smmu-v3@4.16", "64KiB", "[]"), v0.values());
        assertEquals(10, v0.seed());
        assertEquals(11, p.variant(1).seed());
        assertEquals(12, p.variant(2).seed());
        assertEquals(List.of("arm-smmu-v3@4.16", "64KiB", "[flr-all]"), p.variant(3).values());
        assertEquals(List.of("arm-smmu-v3@4.16", "256KiB", "[]"), p.variant(6).values());
        assertEquals(List.of("arm-smmu-v3@5.2", "64KiB", "[]"), p.variant(18).values());
        assertEquals(List.of("arm-smmu-v3@5.2", "256KiB", "[]"), p.variant(21).values(), "5.2 with [flr-all] is excluded");
        assertEquals(List.of("arm-smmu-v3@kdump-adopt", "1MiB", "[flr-all]"), p.variant(44).values());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < p.size(); i++) {
            Variant v = p.variant(i);
            assertEquals(i, v.index());
            assertTrue(seen.add(v.values() + "/" + v.seed()), "variants are distinct");
            assertFalse(v.values().get(0).equals("arm-smmu-v3@5.2") && v.values().get(2).equals("[flr-all]"));
        }
    }

    @Test
    void eachVariantIsTheScenarioLoadedWithItsSetArguments() throws ScenarioException {
        SweepPlan p = plan(List.of("kernels.kdump.cmdline=reset_devices nr_cpus=1"), List.of(), null);
        Variant v = p.variant(44);
        assertEquals(List.of("kernels.kdump.cmdline=reset_devices nr_cpus=1", "kernels.kdump.smmuDriver=arm-smmu-v3@kdump-adopt",
                "kernels.first.drivers[0].iovaFootprint=1MiB", "mitigations=[flr-all]", "seed=12"), v.setArgs());
        Scenario s = p.materialize(v);
        assertEquals(ScenarioLoader.parse(FILE, TEXT, v.setArgs()), s, "kdumpsim run FILE --set ... reproduces the variant");
        assertEquals(SmmuDriverPolicy.KDUMP_ADOPT, s.kernels().kdump().driverPolicy());
        assertEquals(1 << 20, s.kernels().first().drivers().get(0).iovaFootprint().bytes());
        assertEquals(List.of(Mitigation.FLR_ALL), s.mitigations());
        assertEquals(12, s.seed());
        assertEquals("reset_devices nr_cpus=1", s.kernels().kdump().cmdline());
    }

    @Test
    void paramReplacesAParameterOfTheSamePathOrAppendsOneAndSeedsOverride() throws ScenarioException {
        SweepPlan p = plan(List.of(), List.of("kernels.kdump.smmuDriver=arm-smmu-v3@4.16,arm-smmu-v3@4.19",
                "kernels.first.drivers[0].dmaRatePerSec=1000..100000:*10"), 2);
        assertEquals(List.of("kernels.kdump.smmuDriver", "kernels.first.drivers[0].iovaFootprint", "mitigations",
                "kernels.first.drivers[0].dmaRatePerSec"), p.axes().stream().map(SweepAxis::path).toList());
        assertEquals(List.of("1000", "10000", "100000"), p.axes().get(3).values());
        // 2 x 3 x 2 x 3 points (the exclude filter names 5.2, no longer swept) x 2 seeds
        assertEquals(72, p.size());
        assertEquals(2, p.manifest().seedsPerPoint());
        Scenario s = p.materialize(p.variant(71));
        assertEquals(SmmuDriverPolicy.V4_19, s.kernels().kdump().driverPolicy());
        assertEquals(100000, s.kernels().first().drivers().get(0).dmaRatePerSec());
    }

    @Test
    void aScenarioWithoutASweepIsOnePointTimesSeeds() throws ScenarioException {
        String text = TEXT.substring(0, TEXT.indexOf("sweep:"));
        SweepPlan p = SweepPlan.create(FILE, text, List.of(), List.of(), 4);
        assertEquals(4, p.size());
        assertEquals(List.of("seed=13"), p.variant(3).setArgs());
        assertEquals(null, p.manifest().heatmapX());
    }

    @Test
    void plotAxesDefaultToTheFirstTwoParametersAndTheSmmuDriverParameter() throws ScenarioException {
        String text = TEXT.substring(0, TEXT.indexOf("  heatmap:"));
        SweepManifest m = SweepPlan.create(FILE, text, List.of(), List.of(), null).manifest();
        assertEquals("kernels.kdump.smmuDriver", m.heatmapX());
        assertEquals("kernels.first.drivers[0].iovaFootprint", m.heatmapY());
        assertEquals("kernels.kdump.smmuDriver", m.policy());
        assertEquals("kernels.first.drivers[0].iovaFootprint", m.policyX());
        SweepManifest explicit = plan(List.of(), List.of(), null).manifest();
        assertEquals("kernels.first.drivers[0].iovaFootprint", explicit.heatmapX());
        assertEquals("kernels.kdump.smmuDriver", explicit.heatmapY());
    }

    @Test
    void aValueThatDoesNotFitItsPathIsReportedAtTheValueInTheFile() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> SweepPlan.create(FILE, TEXT.replace("arm-smmu-v3@kdump-adopt]", "arm-smmu-v3@4.61]"), List.of(), List.of(), null));
        assertTrue(e.format().startsWith(FILE + ":22:"), e.format());
        assertTrue(e.format().contains("sweep value 'arm-smmu-v3@4.61' of kernels.kdump.smmuDriver"), e.format());
        assertTrue(e.format().contains("did you mean 'arm-smmu-v3@4.16'?"), e.format());
        ScenarioException path = assertThrows(ScenarioException.class,
                () -> SweepPlan.create(FILE, TEXT.substring(0, TEXT.indexOf("  exclude:")).replace("- path: mitigations", "- path: mitigation"),
                        List.of(), List.of(), null));
        assertTrue(path.format().startsWith(FILE + ":26:"), path.format());
        assertTrue(path.format().contains("unknown key 'mitigation'"), path.format());
    }

    @Test
    void aBadParamValueIsAParamError() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> plan(List.of(), List.of("kernels.first.drivers[0].iovaFootprint=4KB,8KiB"), null));
        assertTrue(e.format().startsWith("--param kernels.first.drivers[0].iovaFootprint: value '4KB'"), e.format());
        ScenarioException seed = assertThrows(ScenarioException.class, () -> plan(List.of(), List.of("seed=1,2"), null));
        assertEquals("--param seed: the seed is not swept as a parameter (use --seeds K for K seeds per point)", seed.format());
        ScenarioException seeds = assertThrows(ScenarioException.class, () -> plan(List.of(), List.of(), 0));
        assertTrue(seeds.format().startsWith("--seeds: "), seeds.format());
    }

    @Test
    void paramArgumentsSplitAtTopLevelCommasAndExpandRanges() throws ScenarioException {
        assertEquals(new SweepAxis("mitigations", List.of("[]", "[flr-all, sbr-all]", "[flr-all]")),
                ParameterArgument.parse("mitigations=[],[flr-all, sbr-all],[flr-all]"));
        assertEquals(List.of("1", "2", "3", "8"), ParameterArgument.parse("a=1..3,8").values());
        assertEquals(List.of("1ms", "1500us", "2ms"), ParameterArgument.parse("a=1ms..2ms:500us").values());
        ScenarioException dup = assertThrows(ScenarioException.class, () -> ParameterArgument.parse("a=1..3,2"));
        assertEquals("--param a: value '2' is given twice (remove one)", dup.format());
        assertThrows(ScenarioException.class, () -> ParameterArgument.parse("a=[1,2"));
        assertThrows(ScenarioException.class, () -> ParameterArgument.parse("a=1,,2"));
        assertThrows(ScenarioException.class, () -> ParameterArgument.parse("novalue"));
    }

    @Test
    void rangesOfIntegersSizesAndDurations() {
        assertEquals(List.of("16", "32", "48", "64"), ValueRange.expand("16..64:16"));
        assertEquals(List.of("1", "2", "3"), ValueRange.expand("1..3"));
        assertEquals(List.of("4KiB", "16KiB", "64KiB", "256KiB", "1MiB"), ValueRange.expand("4KiB..1MiB:*4"));
        assertEquals(List.of("1MiB", "1536KiB", "2MiB"), ValueRange.expand("1MiB..2MiB:512KiB"));
        assertEquals(List.of("10", "100", "1000"), ValueRange.expand("10..1000:*10"));
        assertEquals(List.of("500ms", "1s", "1500ms"), ValueRange.expand("0.5s..1.5s:0.5s"));
        assertEquals(List.of("16", "17"), ValueRange.expand("0x10..0x11"));
        assertTrue(ValueRange.isRange("1..2"));
        assertFalse(ValueRange.isRange("arm-smmu-v3@4.16"));
        assertFalse(ValueRange.isRange("[a..b]"));
        assertMessage("range '4KiB..1MiB' of sizes needs a step", () -> ValueRange.expand("4KiB..1MiB"));
        assertMessage("ends below its start", () -> ValueRange.expand("8..1"));
        assertMessage("factor in '1..8:*1' must be at least 2", () -> ValueRange.expand("1..8:*1"));
        assertMessage("more than 10000 values", () -> ValueRange.expand("1..20000"));
        assertMessage("is not an integer, a size", () -> ValueRange.expand("a..b"));
        assertMessage("'1ms' is not one of the range's integers", () -> ValueRange.expand("1..1ms"));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }
}
