package dev.kdumpsim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.scenario.RunCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kdumpsim run} on a file with {@code expect.rates}, with and without {@code --seeds}; and presets from any directory. */
class RunRatesTest {

    /** The 2018 report with rates over seeds 3-6: corrupted in all four, the report's TLP header at seed 3 only. */
    static Path withRates(Path dir, String tlpBounds) throws Exception {
        String text = Files.readString(Path.of(RunCommandTest.LIB + "report-2018.yaml"));
        Path f = dir.resolve("report-rates.yaml");
        Files.writeString(f, text.substring(0, text.indexOf("expect:")) + """
                expect:
                  verdict: {kdumpKernel: alive}
                  rates:
                    seeds: 4
                    verdict.kdumpCorrupted=true: {min: 1}
                    verdict.kdumpKernel=panicked: {max: 0}
                    'log:TLP Header: 0a00a000 00008100 01010100 00000000$': {%s}
                """.formatted(tlpBounds));
        return f;
    }

    @Test
    void ratesInRangePassAndArePrintedWithTheirBounds(@TempDir Path dir) throws Exception {
        Result r = RunCommandTest.exec("run", withRates(dir, "min: 0.25, max: 0.25").toString(), "--log", "none", "-j", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("The kdump kernel was alive at the end of the run."), r.out());
        assertTrue(r.out().contains("passed  verdict.kdumpKernel is alive"), r.out());
        assertTrue(r.out().contains("Rates (expect.rates) over 4 seeds (3 to 6): 3 checked, all passed\n"
                + "  passed  verdict.kdumpCorrupted=true: 4/4 = 1.000 (expected 1..)\n"
                + "  passed  verdict.kdumpKernel=panicked: 0/4 = 0.000 (expected ..0)\n"
                + "  passed  log:TLP Header: 0a00a000 00008100 01010100 00000000$: 1/4 = 0.250 (expected 0.25..0.25)\n"), r.out());
    }

    @Test
    void aRateOutOfRangeExitsOneAndReportJsonSaysSo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Result r = RunCommandTest.exec("run", withRates(dir, "min: 0.5").toString(), "--log", "none", "-o", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("kdumpsim: expectation failed: rates log:TLP Header: 0a00a000 00008100 01010100 00000000$: 1/4 = 0.250"
                + " (expected 0.5..)\n", r.err());
        assertTrue(r.out().contains("3 checked, 1 FAILED"), r.out());
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("\"passed\": false"), report);
        assertTrue(report.contains("\"rates log:TLP Header"), report);
    }

    @Test
    void seedsPrintsTheTableAndChecksTheRatesOverItsSeeds(@TempDir Path dir) throws Exception {
        Path f = withRates(dir, "min: 0.25, max: 0.25");
        Result one = RunCommandTest.exec("run", f.toString(), "--seeds", "4", "-j", "1");
        Result two = RunCommandTest.exec("run", f.toString(), "--seeds", "4", "-j", "3");
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), two.out());
        assertTrue(one.out().contains("4/4  100.0%  verdict.kdumpKernel=alive"), one.out());
        assertTrue(one.out().contains("0/4    0.0%  verdict.kdumpKernel=panicked"), one.out());
        assertTrue(one.out().contains("Rates (expect.rates) over 4 seeds (3 to 6): 3 checked, all passed"), one.out());
        Result two2 = RunCommandTest.exec("run", f.toString(), "--seeds", "2");
        assertEquals(1, two2.code(), "seeds 3-4: the header shows in 1 of 2, above 0.25");
        assertTrue(two2.err().contains("expectation failed: rates log:TLP Header"), two2.err());
    }

    @Test
    void aPresetRunsFromAnyDirectoryAndItsDriverNamesTheDevice(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("igb.yaml");
        Files.writeString(f, """
                name: igb
                platform: {pcie: {topology: {endpoints: [{bdf: "01:00.0", preset: intel-82576}]}}}
                kernels: {first: {cmdline: "crashkernel=512M", drivers: [{device: "01:00.0", dmaRatePerSec: 1000}, {device: "01:00.1", dmaRatePerSec: 1000}]}}
                timeline: [{at: 10s, action: panic}, {at: 20s, clock: kdump, action: run-until}]
                """);
        Result r = RunCommandTest.exec("run", f.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"preset\": \"intel-82576\""), r.out());
        assertTrue(r.out().contains("\"vendorId\": \"0x8086\""), r.out());
        assertTrue(r.out().contains("\"name\": \"igb\""), r.out());
        Result bad = RunCommandTest.exec("validate", f.toString().replace("igb.yaml", "bad.yaml"));
        assertEquals(2, bad.code());
        Files.writeString(dir.resolve("bad.yaml"), Files.readString(f).replace("intel-82576", "intel-8257"));
        Result typo = RunCommandTest.exec("validate", dir.resolve("bad.yaml").toString());
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("bad.yaml:2:67: unknown device preset 'intel-8257' (did you mean 'intel-82576'?"), typo.err());
        assertFalse(typo.err().contains("Exception"), typo.err());
    }
}
