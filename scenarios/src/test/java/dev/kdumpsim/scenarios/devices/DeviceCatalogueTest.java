package dev.kdumpsim.scenarios.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled catalogue (scenarios/devices/) and how a bad catalogue file is reported. */
class DeviceCatalogueTest {

    /** The documented location, a link to the classpath copy in src/main/resources. */
    private static final Path DIR = Path.of("devices");

    @Test
    void theIndexListsExactlyTheFilesInScenariosDevices() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
        assertEquals(files, DeviceCatalogue.bundled().names());
    }

    @Test
    void theCatalogueHoldsTheDevicesOfTheIssueWithTheirDrivers() throws ScenarioException {
        DeviceCatalogue c = DeviceCatalogue.bundled();
        assertEquals("igb", c.preset("intel-82576").sheet().driver().orElseThrow());
        assertEquals("bnx2x", c.preset("broadcom-bcm57840").sheet().driver().orElseThrow());
        assertEquals("mlx5_core", c.preset("mellanox-connectx-5").sheet().driver().orElseThrow());
        assertEquals("mpt3sas", c.preset("lsi-sas3008").sheet().driver().orElseThrow());
        assertEquals("nvme", c.preset("samsung-pm983").sheet().driver().orElseThrow());
        assertTrue(c.preset("report-2018-adapter").sheet().driver().isEmpty(), "the report names no adapter, so no driver");
        assertEquals(0x010802, endpoint("samsung-pm983").classCode().orElseThrow().value());
        assertEquals(0x010700, endpoint("lsi-sas3008").classCode().orElseThrow().value());
        Endpoint report = endpoint("report-2018-adapter");
        assertEquals(0x17cb, report.vendorId().orElseThrow().value());
        assertEquals(0x0401, report.deviceId().orElseThrow().value());
        assertEquals(2, report.functions());
        assertEquals(0x00062011, report.aer().orElseThrow().uncorSeverity().orElseThrow().value());
    }

    @Test
    void everyDeviceHasSourcesAndBuildsAMachine() throws ScenarioException {
        DeviceCatalogue c = DeviceCatalogue.bundled();
        for (String name : c.names()) {
            DeviceSheet sheet = c.preset(name).sheet();
            assertFalse(sheet.sources().isEmpty(), name);
            assertFalse(sheet.device().isBlank(), name);
            endpoint(name); // loads, validates and builds the machine
        }
    }

    /** The endpoint a minimal scenario gets from {@code preset: name}. */
    static Endpoint endpoint(String preset) throws ScenarioException {
        Scenario s = ScenarioLoader.parse("s.yaml", """
                name: t
                platform: {pcie: {topology: {endpoints: [{bdf: "01:00.0", preset: %s}]}}}
                kernels: {first: {cmdline: "crashkernel=512M", drivers: [{device: "01:00.0"}]}}
                timeline: [{at: 10s, action: panic}]
                """.formatted(preset), List.of());
        return s.platform().pcie().topology().endpoints().get(0);
    }

    private static ScenarioException bad(String text) {
        return assertThrows(ScenarioException.class, () -> DeviceCatalogue.of(Map.of("x", text)));
    }

    private static final String GOOD = """
            device: Some NIC
            driver: igb
            sources: [a datasheet]
            endpoint:
              vendorId: "0x8086"
            """;

    @Test
    void aGoodFileLoads() throws ScenarioException {
        assertEquals("Some NIC", DeviceCatalogue.of(Map.of("x", GOOD)).preset("x").sheet().device());
    }

    @Test
    void badCatalogueFilesAreLocatedErrorsInTheirFile() {
        ScenarioException unknown = bad(GOOD.replace("vendorId", "vendorID"));
        assertEquals("devices/x.yaml:5:3: unknown endpoint key 'vendorID' (did you mean 'vendorId'?)", unknown.format());
        ScenarioException placed = bad(GOOD + "  bdf: \"01:00.0\"\n");
        assertEquals("devices/x.yaml:6:3: a device cannot give 'bdf': the scenario places the endpoint", placed.format().replaceAll(" \\(.*", ""));
        ScenarioException value = bad(GOOD + "  functions: many\n");
        assertEquals("devices/x.yaml:6:14: endpoint.functions: expected an integer, got 'many' (write e.g. 16 or 0x10)", value.format());
        ScenarioException hex = bad(GOOD.replace("\"0x8086\"", "\"8086\""));
        assertTrue(hex.format().startsWith("devices/x.yaml:5:13: endpoint.vendorId: '8086' is not a hex value"), hex.format());
        assertTrue(bad(GOOD.replace("sources: [a datasheet]", "sources: []")).format()
                .startsWith("devices/x.yaml:3:10: a device needs at least one source"));
        assertTrue(bad(GOOD.replace("driver: igb", "driver: \"igb driver\"")).format()
                .startsWith("devices/x.yaml:2:9: driver name 'igb driver'"));
        assertTrue(bad(GOOD.replace("endpoint:\n  vendorId: \"0x8086\"\n", "")).format()
                .startsWith("devices/x.yaml:1:1: missing required key 'endpoint'"));
        assertTrue(bad(GOOD + "modelValues: [functions]\n").format()
                .startsWith("devices/x.yaml:6:14: modelValues names 'functions', which the endpoint does not give"));
        assertTrue(bad(GOOD + "vendor: Intel\n").format().startsWith("devices/x.yaml:6:1: unknown key 'vendor'"));
    }
}
