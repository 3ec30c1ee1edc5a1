package dev.kdumpsim.cli.scenario;

import static dev.kdumpsim.cli.scenario.RunCommandTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.scenario.RunCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.ErrorProfile;
import dev.kdumpsim.scenarios.model.PcieSwitch;
import dev.kdumpsim.scenarios.model.RootPort;
import dev.kdumpsim.scenarios.model.Topology;
import dev.kdumpsim.scenarios.value.Bdf;
import dev.kdumpsim.scenarios.value.SimDuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    static final String SCENARIO = """
            name: tree
            platform:
              pcie:
                topology:
                  rootPorts:
                    - bdf: "00:00.0"
                    - bdf: "00:01.0"
                    - bdf: "00:02.0"
                  endpoints:
                    - {bdf: "06:00.0", port: "00:02.0", flrCapable: false}
                    - {bdf: "01:00.0", functions: 2}
                    - {bdf: "05:00.0", port: "00:01.0"}
            kernels:
              first:
                cmdline: "crashkernel=512M"
                drivers:
                  - device: "01:00.0"
            timeline:
              - {at: 12s, clock: kdump, action: flr, device: "05:00.0"}
              - {at: 10s, action: panic}
              - {at: 5s, clock: kdump, action: flr, device: "06:00.0"}
            """;

    @Test
    void drawsEachEndpointBelowItsConfiguredRootPort(@TempDir Path dir) throws Exception {
        // explain used to draw every endpoint under the last root port
        Path f = Files.writeString(dir.resolve("tree.yaml"), SCENARIO);
        Result r = exec("explain", f.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf("  PCIe (by each device's configured port)");
        assertTrue(at > 0, r.out());
        assertEquals(List.of(
                "    root port 0000:00:00.0",
                "      endpoint 0000:01:00.0: StreamID 0x100, error profile normal, FLR yes",
                "      endpoint 0000:01:00.1: StreamID 0x101, error profile normal, FLR yes",
                "    root port 0000:00:01.0",
                "      endpoint 0000:05:00.0: StreamID 0x500, error profile normal, FLR yes",
                "    root port 0000:00:02.0",
                "      endpoint 0000:06:00.0: StreamID 0x600, error profile normal, FLR no",
                "  kernel #1: \"crashkernel=512M\", arm-smmu-v3@4.16, IOVA granule 4 KiB, 1 driver(s)"),
                lines.subList(at + 1, at + 9));
    }

    static Endpoint endpoint(String bdf, String port, int functions) {
        return new Endpoint(Bdf.parse(bdf), port == null ? Optional.empty() : Optional.of(Bdf.parse(port)), functions, ErrorProfile.NORMAL, 0,
                SimDuration.parse("50ms"), true);
    }

    @Test
    void endpointsShowTheIdentityTheFileOrItsPresetGives(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("tree.yaml"), SCENARIO.replace("{bdf: \"05:00.0\", port: \"00:01.0\"}",
                "{bdf: \"05:00.0\", port: \"00:01.0\", preset: lsi-sas3008}").replace("{bdf: \"01:00.0\", functions: 2}",
                "{bdf: \"01:00.0\", functions: 2, vendorId: \"0x8086\"}"));
        Result r = exec("explain", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("endpoint 0000:05:00.0: StreamID 0x500, error profile normal, FLR yes, 1000:0097, class 0x010700"
                + " (preset lsi-sas3008)\n"), r.out());
        assertTrue(r.out().contains("endpoint 0000:01:00.1: StreamID 0x101, error profile normal, FLR yes, 8086:default\n"), r.out());
        assertTrue(r.out().contains("endpoint 0000:06:00.0: StreamID 0x600, error profile normal, FLR no\n"), r.out());
    }

    @Test
    void switchesShowTheirUpstreamAndDownstreamPortsWithWhatHangsBelow() {
        // the machine model does not assemble switches yet; the tree is drawn from the scenario alone
        Topology t = new Topology(List.of(new RootPort(Bdf.parse("00:00.0")), new RootPort(Bdf.parse("00:01.0"))),
                List.of(new PcieSwitch(Bdf.parse("03:00.0"), Bdf.parse("00:01.0"), List.of(Bdf.parse("04:00.0"), Bdf.parse("04:01.0"))),
                    new PcieSwitch(Bdf.parse("07:00.0"), Bdf.parse("04:01.0"), List.of(Bdf.parse("08:00.0")))),
                List.of(endpoint("05:00.0", "04:01.0", 1), endpoint("01:00.0", null, 2), endpoint("06:00.0", "04:00.0", 1),
                    endpoint("09:00.0", "08:00.0", 1), endpoint("0a:00.0", "0b:00.0", 1)));
        assertEquals(List.of(
                "root port 0000:00:00.0",
                "  endpoint 0000:01:00.0: StreamID s01:00.0, error profile normal, FLR yes",
                "  endpoint 0000:01:00.1: StreamID s01:00.1, error profile normal, FLR yes",
                "root port 0000:00:01.0",
                "  switch, upstream port 0000:03:00.0",
                "    downstream port 0000:04:00.0",
                "      endpoint 0000:06:00.0: StreamID s06:00.0, error profile normal, FLR yes",
                "    downstream port 0000:04:01.0",
                "      switch, upstream port 0000:07:00.0",
                "        downstream port 0000:08:00.0",
                "          endpoint 0000:09:00.0: StreamID s09:00.0, error profile normal, FLR yes",
                "      endpoint 0000:05:00.0: StreamID s05:00.0, error profile normal, FLR yes",
                "not attached (port 0000:0b:00.0 is in no tree):",
                "  endpoint 0000:0a:00.0: StreamID s0a:00.0, error profile normal, FLR yes"),
                PcieTree.lines(t, b -> "s" + b, ""));
    }

    @Test
    void theTimelineIsInSimulationTimeOrder(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("tree.yaml"), SCENARIO);
        Result r = exec("explain", f.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        List<String> timeline = lines.subList(lines.indexOf("timeline, in order (simulation time; each kernel's log clock starts at its boot)") + 1,
                lines.size());
        List<Double> times = new ArrayList<>();
        for (String l : timeline) {
            times.add(Double.parseDouble(l.strip().substring(0, l.strip().indexOf(" s "))));
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(null);
        assertEquals(sorted, times, r.out());
        int panic = indexOf(timeline, "panic (scheduled at 10.000000 s");
        int flr6 = indexOf(timeline, "flr 0000:06:00.0 (kdump clock 5.000000 s)");
        int flr5 = indexOf(timeline, "flr 0000:05:00.0 (kdump clock 12.000000 s)");
        int kdumpBoot = indexOf(timeline, "kdump kernel boot: memblock");
        assertTrue(panic < kdumpBoot && kdumpBoot < flr6 && flr6 < flr5, String.join("\n", timeline));
    }

    static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + part + " in\n" + String.join("\n", lines));
    }
}
