package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.PcieSwitch;
import dev.kdumpsim.scenarios.run.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lspci -tv with a switch below a root port: the switch is imported and its devices hang below its downstream ports. */
class SwitchImportTest {

    static final String TREE = """
            -[0000:00]-+-00.0  Cavium, Inc. CN99xx [ThunderX2] Integrated PCI Host bridge
                       \\-01.0-[01-04]----00.0-[02-04]--+-00.0-[03]--+-00.0  Intel Corporation 82576 Gigabit Network Connection
                                                       |            \\-00.1  Intel Corporation 82576 Gigabit Network Connection
                                                       \\-01.0-[04]----00.0  Samsung Electronics Co Ltd NVMe SSD Controller SM981/PM981/PM983
            """;

    @Test
    void theSwitchAndItsDownstreamPortsAreWrittenAndTheScenarioRuns(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("k.log");
        Files.writeString(log, "[    0.000000] Booting Linux on physical CPU 0x0\n"
                + "[    0.000000] Linux version 4.16.0 (gcc) #1 SMP\n"
                + "[    0.000000] Kernel command line: crashkernel=512M\n");
        Path tv = dir.resolve("lspci-tv.txt");
        Files.writeString(tv, TREE);
        LogImport.Result r = LogImport.run(List.of(log), List.of(tv), "o.yaml");
        List<PcieSwitch> sw = r.scenario().platform().pcie().topology().switches();
        assertEquals(1, sw.size(), r.yaml());
        assertEquals("01:00.0", sw.get(0).upstreamPort().toString().replaceFirst("^0000:", ""));
        assertEquals("00:01.0", sw.get(0).port().toString().replaceFirst("^0000:", ""));
        assertEquals(2, sw.get(0).downstreamPorts().size());
        List<Endpoint> eps = r.scenario().platform().pcie().topology().endpoints();
        assertEquals(2, eps.size(), r.yaml());
        assertEquals("02:00.0", eps.get(0).port().orElseThrow().toString().replaceFirst("^0000:", ""));
        assertEquals("02:01.0", eps.get(1).port().orElseThrow().toString().replaceFirst("^0000:", ""));
        assertTrue(ScenarioRunner.run(r.scenario(), "test").result().issued() > 0, "the machine with the switch assembles and runs");
    }
}
