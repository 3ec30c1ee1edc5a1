package dev.kdumpsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.mm.Arm64Crashkernel;
import dev.kdumpsim.kernel.version.CrashkernelPlacement;
import dev.kdumpsim.kernel.mm.DramLayout;
import dev.kdumpsim.kernel.mm.Memblock;
import dev.kdumpsim.kernel.smmu.SmmuDriverPolicy;
import dev.kdumpsim.scenarios.binding.ScenarioJson;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.ErrorProfile;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.model.StreamTableFormat;
import dev.kdumpsim.scenarios.value.Bdf;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

    @Test
    void everyExampleLoadsAndRoundTripsThroughItsJsonForm() throws ScenarioException {
        assertFalse(Examples.all().isEmpty());
        for (Path p : Examples.all()) {
            Scenario s = ScenarioLoader.load(p);
            String json = ScenarioJson.toJson(s);
            Scenario again = ScenarioLoader.parse("roundtrip.json", json, List.of());
            assertEquals(s, again, p.toString());
            assertEquals(json, ScenarioJson.toJson(again), p.toString());
        }
    }

    @Test
    void minimalScenarioGetsDocumentedDefaults() throws ScenarioException {
        Scenario s = ScenarioLoader.load(Examples.DIR.resolve("minimal.yaml"));
        assertEquals(1, s.seed());
        assertEquals(16L << 30, s.platform().dram().get(0).size().bytes());
        assertEquals(StreamTableFormat.TWO_LEVEL, s.platform().smmu().streamTable());
        assertEquals(Bdf.parse("00:00.0"), s.platform().pcie().topology().rootPorts().get(0).bdf());
        assertEquals(SmmuDriverPolicy.V4_16, s.kernels().kdump().driverPolicy());
        assertEquals("reset_devices", s.kernels().kdump().cmdline());
        assertEquals(1, s.platform().pcie().topology().endpoints().get(0).functions());
        assertTrue(s.expect().log().isEmpty());
    }

    @Test
    void reportScenarioDescribesTheReportMachine() throws ScenarioException {
        Scenario s = ScenarioLoader.load(Examples.DIR.resolve("report-2018.yaml"));
        var ep = s.platform().pcie().topology().endpoints().get(0);
        assertEquals(ErrorProfile.DEFECTIVE_COMPLETION, ep.errorProfile());
        assertEquals(0x100, s.platform().pcie().requesterIdToStreamId().streamId(ep.bdf().requesterId()));
        assertEquals(7_018_304_000L, s.kernels().kdump().boot().earlyInit().orElseThrow().nanos());
        var bank = s.platform().dram().get(0);
        var r = Arm64Crashkernel.reserve(new Memblock(DramLayout.of(bank.base().value(), bank.size().bytes())),
                s.kernels().first().cmdline(), CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, null);
        assertEquals(0x7fe00000L, r.range().base());
        assertEquals(0xffe00000L, r.range().end());
        assertTrue(s.expect().logOrder().get(1).compile().matcher("arm-smmu-v3 arm-smmu-v3.0.auto: SMMU currently enabled! Resetting...").find());
    }

    @Test
    void setOverridesReplaceAddAndIndexValues() throws ScenarioException {
        Scenario s = ScenarioLoader.load(Examples.DIR.resolve("report-2018.yaml"), List.of(
                "seed=7",
                "kernels.kdump.smmuDriver=arm-smmu-v3@5.2",
                "platform.pcie.topology.endpoints[0].wedgeAfterErrors=3",
                "kernels.first.drivers.1.rings=2",
                "mitigations=[flr-all, clear-bme-all]",
                "expect.counters.smmuEvents.raised={max: 10}",
                "platform.smmu.oasBits=48"));
        assertEquals(7, s.seed());
        assertEquals(SmmuDriverPolicy.V5_2, s.kernels().kdump().driverPolicy());
        assertEquals(3, s.platform().pcie().topology().endpoints().get(0).wedgeAfterErrors());
        assertEquals(2, s.kernels().first().drivers().get(1).rings());
        assertEquals(2, s.mitigations().size());
        assertEquals(10L, s.expect().counters().get("smmuEvents.raised").max().orElseThrow());
        assertEquals(48, s.platform().smmu().oasBits());
        // a key absent from the file is created
        Scenario m = ScenarioLoader.load(Examples.DIR.resolve("minimal.yaml"), List.of("platform.smmu.gbpaResetAbort=true", "expect.verdict.dumpSaved=true"));
        assertTrue(m.platform().smmu().gbpaResetAbort());
        assertTrue(m.expect().verdict().dumpSaved().orElseThrow());
    }
}
