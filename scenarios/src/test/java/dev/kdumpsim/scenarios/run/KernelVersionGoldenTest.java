package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2018 machine at ten releases, both kernels alike: a golden kernel.log per release
 * (src/test/resources/golden/versions/V/kernel.log; regenerate with -Dkdumpsim.updateGolden=true),
 * and neighbouring releases differ exactly where docs/kernel-versions.md's table has a row between
 * them: identical logs where it has none, the row's lines where it has one.
 */
class KernelVersionGoldenTest {

    static final Path FILE = Path.of("src/test/resources/versions/report-2018-by-release.yaml");
    static final Path GOLDEN = Path.of("src/test/resources/golden/versions");
    static final List<String> RELEASES = List.of("4.14.0", "4.16.0", "4.19.0", "4.19.50", "5.2.0", "5.7.0", "5.15.0", "6.6.0",
            "6.14.0", "6.18.0");
    static final Map<String, String> LOGS = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryRelease() throws Exception {
        for (String v : RELEASES) {
            var s = ScenarioLoader.load(FILE, List.of("kernels.first.version=" + v, "kernels.kdump.version=" + v));
            String log = ScenarioRunner.run(s, "golden").kernelLog();
            Path golden = GOLDEN.resolve(v).resolve("kernel.log");
            if (Boolean.getBoolean("kdumpsim.updateGolden")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, log, StandardCharsets.UTF_8);
            }
            LOGS.put(v, log);
        }
    }

    @Test
    void everyReleaseMatchesItsGolden() throws Exception {
        for (String v : RELEASES) {
            assertEquals(Files.readString(GOLDEN.resolve(v).resolve("kernel.log")), LOGS.get(v), "kernel.log at " + v);
        }
    }

    @Test
    void releasesWithNoRowBetweenThemPrintTheSameLog() {
        assertEquals(LOGS.get("4.14.0"), LOGS.get("4.16.0"), "no row between 4.14 and 4.16");
        assertEquals(LOGS.get("4.19.0"), LOGS.get("4.19.50"), "3f54c447 reached 4.19.y only in 4.19.51");
        assertEquals(LOGS.get("6.14.0"), LOGS.get("6.18.0"), "no row between 6.14 and 6.18");
    }

    @Test
    void b63b3439In419FailsTheKdumpKernelsProbe() {
        assertTrue(LOGS.get("4.16.0").contains("SMMU currently enabled! Resetting..."));
        assertTrue(LOGS.get("4.16.0").contains("event 0x02 received:"));
        assertFalse(LOGS.get("4.19.0").contains("SMMU currently enabled!"));
        assertTrue(LOGS.get("4.19.0").contains("arm-smmu-v3: probe of arm-smmu-v3.0.auto failed with error -16"));
    }

    @Test
    void from52TheResetAbortsAndDevicesJoinGroupsWithTheirOwnPrefix() {
        String k = LOGS.get("5.2.0");
        assertTrue(k.contains("SMMU currently enabled! Resetting..."));
        assertFalse(k.contains("failed with error -16"));
        assertTrue(k.contains("pci 0000:01:00.0: Adding to iommu group 0"), "780da9e4f5bf (5.1)");
        assertFalse(k.contains("iommu: Adding device"));
        assertFalse(k.contains("allocated"), "queues are sized only from 5.3");
    }

    @Test
    void from53QueuesAreSizedAndSaySo() {
        assertTrue(LOGS.get("5.7.0").contains("allocated 32768 entries for evtq"));
        assertTrue(LOGS.get("5.7.0").contains("allocated 65536 entries for cmdq"));
        assertTrue(LOGS.get("5.15.0").contains("allocated 128 entries for evtq"), "f115f3c0d5d8 (5.14-5.16)");
        assertTrue(LOGS.get("6.6.0").contains("allocated 32768 entries for evtq"), "reverted in 5.17");
    }

    @Test
    void from55Arm64PlacesTheCrashkernelUpToTheExclusiveLimit() {
        assertTrue(LOGS.get("5.2.0").contains("crashkernel reserved: 0x000000007fe00000 - 0x00000000ffe00000 (2048 MB)"),
                "4.19's inclusive ARCH_LOW_ADDRESS_LIMIT until 5.4");
        assertTrue(LOGS.get("5.7.0").contains("crashkernel reserved: 0x0000000080000000 - 0x0000000100000000 (2048 MB)"),
                "the ZONE_DMA32 change of 5.5: the exclusive limit");
        assertTrue(LOGS.get("6.6.0").contains("crashkernel reserved: 0x0000000080000000 - 0x0000000100000000 (2048 MB)"));
    }

    @Test
    void aerLinesFollowTheirReleaseFamily() {
        assertTrue(LOGS.get("4.16.0").contains("] Malformed TLP\n"), "4.14-4.18 cper_print_bits: the names bare");
        assertTrue(LOGS.get("4.16.0").contains("pci 0000:01:00.0:   TLP Header: "), "two spaces before TLP Header");
        assertTrue(LOGS.get("4.19.0").contains("pci 0000:01:00.0:    [18] MalfTLP                (First)"));
        assertTrue(LOGS.get("5.2.0").contains("pci 0000:01:00.0: AER: aer_status: 0x00040000, aer_mask: 0x00000000"));
    }

    @Test
    void firmwareFirstTheRecordThenTheAerLinesThenRecoveryPerRelease() {
        for (String v : RELEASES) {
            assertTrue(LOGS.get(v).contains("] {1}[Hardware Error]: event severity: recoverable\n"), "GHES record at " + v);
        }
        assertFalse(LOGS.get("5.2.0").contains("aer_uncor_status"), "cper_print_pcie prints no AER registers of a recoverable section");
        assertTrue(LOGS.get("6.14.0").contains("{1}[Hardware Error]:   aer_cor_status: 0x00000000, aer_cor_mask: 0x00002000"),
                "d7171eb49435 (6.12)");
        assertTrue(LOGS.get("4.16.0").contains("pci 0000:01:00.0: AER: Device recovery failed"), "4.14 do_recovery, on the source");
        assertTrue(LOGS.get("6.14.0").contains("pci 0000:01:00.1: AER: can't recover (no error_detected callback)"));
        assertTrue(LOGS.get("6.14.0").contains("pcieport 0000:00:00.0: AER: device recovery failed"), "5.7: on the port");
    }
}
