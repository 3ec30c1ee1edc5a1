package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.binding.ScenarioJson;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.RateBounds;
import dev.kdumpsim.scenarios.model.RateExpectations;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.value.Fraction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** expect.rates: the grammar, exact bounds, and the N-seed runner on the 2018 report. */
class RatesTest {

    private static RateBounds bounds(String min, String max) {
        return new RateBounds(Optional.ofNullable(min).map(Fraction::parse), Optional.ofNullable(max).map(Fraction::parse));
    }

    private static SeedRuns.SeedOutcome seed(long n, boolean saved, String kernel) {
        Map<String, Boolean> f = new LinkedHashMap<>();
        f.put("verdict.dumpSaved", saved);
        for (String k : List.of("alive", "panicked", "hung")) {
            f.put("verdict.kdumpKernel=" + k, k.equals(kernel));
        }
        return new SeedRuns.SeedOutcome(n, f);
    }

    @Test
    void boundsAreInclusiveAndExact() {
        assertTrue(bounds("0.25", "0.25").contains(1, 4));
        assertFalse(bounds("0.26", null).contains(1, 4));
        assertFalse(bounds(null, "0.24").contains(1, 4));
        assertTrue(bounds("0.1", null).contains(1, 10), "0.1 exactly: no binary rounding");
        assertTrue(bounds(null, "0").contains(0, 40));
        assertEquals("0.15..0.35", bounds("0.15", "0.35").toString());
        assertEquals("0.6..", bounds("0.6", null).toString());
    }

    @Test
    void eachRateCountsTheSeedsWhereItsValueHeld() {
        Map<String, RateBounds> r = new LinkedHashMap<>();
        r.put("verdict.kdumpKernel=panicked", bounds("0.25", "0.5"));
        r.put("verdict.dumpSaved=false", bounds("0.5", null));
        r.put("verdict.dumpSaved=true", bounds("0.6", null));
        List<SeedRuns.SeedOutcome> o = List.of(seed(1, true, "alive"), seed(2, false, "panicked"), seed(3, false, "hung"),
                seed(4, true, "alive"));
        List<RateCheck.Result> res = RateCheck.check(new RateExpectations(4, r), o);
        assertEquals("verdict.kdumpKernel=panicked: 1/4 = 0.250 (expected 0.25..0.5)", res.get(0).describe());
        assertTrue(res.get(0).passed());
        assertTrue(res.get(1).passed());
        assertFalse(res.get(2).passed());
        assertEquals("rates verdict.dumpSaved=true: 2/4 = 0.500 (expected 0.6..)", res.get(2).failure());
    }

    @Test
    void rateKeysParseToTheFlagTheyRead() throws RateKey.Invalid {
        assertEquals("verdict.dumpSaved", RateKey.parse("verdict.dumpSaved=false").flag());
        assertFalse(RateKey.parse("verdict.dumpSaved=false").when());
        assertEquals("verdict.kdumpKernel=hung", RateKey.parse("verdict.kdumpKernel=hung").flag());
        assertEquals("log /AER: .*Completion Timeout/", RateKey.parse("log:AER: .*Completion Timeout").flag());
    }

    private static final String RATES = """
            expect:
              rates:
                seeds: 4
                verdict.kdumpCorrupted=true: {min: 1}
                verdict.kdumpKernel=alive: {min: 1}
                'log:TLP Header: 0a00a000 00008100 01010100 00000000$': {%s}
            """;

    private static Scenario report(String bounds) throws Exception {
        String text = Files.readString(Path.of("library/report-2018.yaml"));
        return ScenarioLoader.parse("report-2018.yaml", text.substring(0, text.indexOf("expect:")) + RATES.formatted(bounds), List.of());
    }

    private static SeedRuns.Source source(Scenario s) {
        String text = ScenarioJson.toJson(s);
        return seed -> ScenarioLoader.parse("report-2018.yaml", text, List.of("seed=" + seed));
    }

    /** Seeds 3-6 of the report (run --seeds 4): corrupted in all four, the report's TLP header only at the tuned seed 3. */
    @Test
    void theSeedsOfTheFileAreRunAndCheckedTheSameAtAnyJobCount() throws Exception {
        Scenario s = report("min: 0.25, max: 0.25");
        List<RateCheck.Result> one = RateCheck.run(s, source(s), 1, "test", RunBudget.DEFAULT_MAX_EVENTS);
        List<RateCheck.Result> three = RateCheck.run(s, source(s), 3, "test", RunBudget.DEFAULT_MAX_EVENTS);
        assertEquals(one, three);
        assertEquals(List.of("verdict.kdumpCorrupted=true: 4/4 = 1.000 (expected 1..)", "verdict.kdumpKernel=alive: 4/4 = 1.000 (expected 1..)",
                "log:TLP Header: 0a00a000 00008100 01010100 00000000$: 1/4 = 0.250 (expected 0.25..0.25)"),
                one.stream().map(RateCheck.Result::describe).toList());
        assertTrue(one.stream().allMatch(RateCheck.Result::passed));
        List<SeedRuns.SeedOutcome> seeds = SeedRuns.run(source(s), s.seed(), 4, 2, "test", RunBudget.DEFAULT_MAX_EVENTS);
        assertEquals(List.of(3L, 4L, 5L, 6L), seeds.stream().map(SeedRuns.SeedOutcome::seed).toList());
    }

    @Test
    void aRateOutOfItsBoundsFails() throws Exception {
        Scenario s = report("min: 0.5");
        List<RateCheck.Result> r = RateCheck.run(s, source(s), 2, "test", RunBudget.DEFAULT_MAX_EVENTS);
        assertFalse(r.get(2).passed());
        assertTrue(r.get(0).passed());
    }

    @Test
    void ratesRoundTripThroughTheCanonicalJson() throws Exception {
        Scenario s = report("min: 0.25, max: 0.25");
        Scenario back = ScenarioLoader.parse("back.json", ScenarioJson.toJson(s), List.of());
        assertEquals(s.expect().rates(), back.expect().rates());
        assertEquals(4, back.expect().rates().orElseThrow().seeds());
    }

    @Test
    void aScenarioWithoutRatesRunsNoSeeds() throws ScenarioException, InterruptedException {
        Scenario s = ScenarioLoader.parse("s.yaml", """
                name: t
                platform: {pcie: {topology: {endpoints: [{bdf: "01:00.0"}]}}}
                kernels: {first: {cmdline: "crashkernel=512M"}}
                timeline: [{at: 10s, action: panic}]
                """, List.of());
        assertEquals(List.of(), RateCheck.run(s, seed -> {
            throw new AssertionError("no seed should run");
        }, 1, "test", 1000));
    }
}
