package dev.kdumpsim.scenarios.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.RunReport;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code preset:}: the device's values for the keys an endpoint leaves out, and its driver's name. */
class PresetMergeTest {

    private static Scenario load(String endpoint, String drivers) throws ScenarioException {
        return ScenarioLoader.parse("s.yaml", """
                name: t
                platform:
                  pcie:
                    topology:
                      endpoints:
                        - %s
                kernels:
                  first:
                    cmdline: "crashkernel=512M"
                    drivers: %s
                  kdump:
                    drivers: %s
                timeline: [{at: 10s, action: panic}]
                """.formatted(endpoint, drivers, drivers), List.of());
    }

    private static Endpoint endpoint(Scenario s) {
        return s.platform().pcie().topology().endpoints().get(0);
    }

    @Test
    void thePresetFillsWhatTheEndpointLeavesOutAndItsOwnKeysWin() throws ScenarioException {
        Endpoint plain = endpoint(load("{bdf: \"01:00.0\", preset: intel-82576}", "[]"));
        assertEquals("0x8086", plain.vendorId().orElseThrow().toString());
        assertEquals("0x10c9", plain.deviceId().orElseThrow().toString());
        assertEquals("0x020000", plain.classCode().orElseThrow().toString());
        assertEquals(2, plain.functions());
        Endpoint own = endpoint(load("{bdf: \"01:00.0\", preset: intel-82576, deviceId: \"0x10e6\", functions: 1}", "[]"));
        assertEquals("0x10e6", own.deviceId().orElseThrow().toString());
        assertEquals(1, own.functions());
        assertEquals("0x8086", own.vendorId().orElseThrow().toString());
        assertEquals(Optional.of("intel-82576"), own.preset());
    }

    @Test
    void mappingsBothGiveAreMergedKeyByKey() throws ScenarioException {
        Endpoint e = endpoint(load("{bdf: \"01:00.0\", preset: report-2018-adapter, aer: {uncorMask: \"0x00100000\"}}", "[]"));
        assertEquals("0x00062011", e.aer().orElseThrow().uncorSeverity().orElseThrow().toString());
        assertEquals("0x00100000", e.aer().orElseThrow().uncorMask().orElseThrow().toString());
        Endpoint severity = endpoint(load("{bdf: \"01:00.0\", preset: report-2018-adapter, aer: {uncorSeverity: \"0x00462030\"}}", "[]"));
        assertEquals("0x00462030", severity.aer().orElseThrow().uncorSeverity().orElseThrow().toString());
    }

    @Test
    void driversOfThePresetsFunctionsTakeItsDriverNameUnlessTheyNameOneOrBindNone() throws ScenarioException {
        Scenario s = load("{bdf: \"01:00.0\", preset: intel-82576}",
                "[{device: \"01:00.0\"}, {device: \"01:00.1\", name: my-igb}]");
        List<DriverConfig> first = s.kernels().first().drivers();
        assertEquals(Optional.of("igb"), first.get(0).name());
        assertEquals(Optional.of("my-igb"), first.get(1).name());
        Scenario none = load("{bdf: \"01:00.0\", preset: intel-82576}", "[{device: \"01:00.0\", profile: none}]");
        assertEquals(Optional.empty(), none.kernels().kdump().drivers().get(0).name());
        Scenario noDriver = load("{bdf: \"01:00.0\", preset: report-2018-adapter}", "[{device: \"01:00.0\"}]");
        assertEquals(Optional.empty(), noDriver.kernels().first().drivers().get(0).name(), "the model's name stays the default");
    }

    @Test
    void anUnknownPresetIsLocatedAtItsNameWithTheNearestOne() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load("{bdf: \"01:00.0\", preset: intel-82567}", "[]"));
        assertEquals("s.yaml:6:36: unknown device preset 'intel-82567' (did you mean 'intel-82576'? The catalogue: scenarios/devices/,"
                + " docs/devices.md)", e.format());
    }

    @Test
    void aProblemWithAValueThePresetGaveIsReportedAtThePreset() {
        // 2 functions from function 7 go past function 7: the 2 came from the preset
        ScenarioException e = assertThrows(ScenarioException.class, () -> load("{bdf: \"01:00.7\", preset: intel-82576}", "[]"));
        assertTrue(e.format().startsWith("s.yaml:6:36: 2 functions from 01:00.7 go past function 7"), e.format());
    }

    @Test
    void setCanNameAPresetAndOverrideWhatItGives() throws ScenarioException {
        Scenario s = ScenarioLoader.parse("s.yaml", """
                name: t
                platform: {pcie: {topology: {endpoints: [{bdf: "01:00.0"}]}}}
                kernels: {first: {cmdline: "crashkernel=512M"}}
                timeline: [{at: 10s, action: panic}]
                """, List.of("platform.pcie.topology.endpoints[0].preset=lsi-sas3008",
                "platform.pcie.topology.endpoints[0].classCode=0x010400"));
        assertEquals("0x1000", endpoint(s).vendorId().orElseThrow().toString());
        assertEquals("0x010400", endpoint(s).classCode().orElseThrow().toString());
    }

    /** The preset is what the library's report-2018.yaml writes for 01:00.x: the same run, line for line. */
    @Test
    void theReportAdapterPresetRunsExactlyAsTheLibrarysEndpoint() throws Exception {
        String text = Files.readString(Path.of("library/report-2018.yaml"));
        String written = "- {bdf: \"01:00.0\", port: \"00:00.0\", functions: 2, errorProfile: defective-completion, wedgeAfterErrors: 16}";
        assertTrue(text.contains(written));
        Scenario preset = ScenarioLoader.parse("report-2018.yaml",
                text.replace(written, "- {bdf: \"01:00.0\", port: \"00:00.0\", preset: report-2018-adapter}"), List.of());
        ScenarioRunner.Outcome o = ScenarioRunner.run(preset, "golden");
        assertEquals(Files.readString(Path.of("src/test/resources/golden/report-2018/kernel.log")), o.kernelLog());
        assertTrue(o.passed(), o.failures().toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode golden = json.readTree(Files.readString(Path.of("src/test/resources/golden/report-2018/report.json")));
        assertEquals(golden.get("verdict"), json.readTree(RunReport.toJson(o.report())).get("verdict"));
        assertEquals(golden.get("aer"), json.readTree(RunReport.toJson(o.report())).get("aer"));
    }
}
