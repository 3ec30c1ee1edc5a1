package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Logs that are valid text but odd: each still imports to a scenario that loads (LogImport
 * throws IllegalStateException otherwise), quickly. Each case was a way to write YAML the loader
 * refuses, or to make the import slow, before it was handled.
 */
class HostileLogsTest {

    static Stream<String> logs() {
        String longLine = "[    1.000000] arm-smmu-v3 arm-smmu-v3.0.auto: SMMU currently enabled! Resetting..." + "x".repeat(40_000);
        StringBuilder prose = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            prose.append("this is a long paragraph of prose that a mail client wrapped at seventy-two cols\n");
        }
        StringBuilder many = new StringBuilder();
        for (int i = 1; i < 60; i++) {
            many.append(String.format(java.util.Locale.ROOT, "igb 0000:%02x:00.0: up\n", i));
        }
        return Stream.of(
                longLine,
                "Kernel command line: console=ttyAMA0 crashkernel=2G " + "a=b ".repeat(5000),
                prose.toString(),
                many.toString(),
                "[    7.0] arm-smmu-v3 arm-smmu-v3.0.auto: ias 99-bit, oas 99-bit (features 0x1)\n",
                "[    0.0] crashkernel reserved: 0x0000000000000000 - 0xffffffffffffffff (99999 MB)\n",
                "[    0.0] Reserving 512MB of memory at 3500MB for crashkernel (System RAM: 999999999MB)\n[ 1.0] DMAR: IOMMU enabled\n",
                "[    0.0] Linux version 3.10.0-957.el7.x86_64 (mockbuild@x86) #1 SMP\n[ 1.0] DMAR: IOMMU enabled\n",
                "[    0.0] Linux version 99.1.0 (x)\n",
                "nvme 0001:02:00.0: ready\npci 0001:02:00.0: aer_status: 0x00040000, aer_mask: 0x00000000\n",
                "x: y\n".repeat(200) + "[ 1.0] pci 0000:01:00.0: Malformed TLP \u0001\u007f\u0085\u009f\u001b[31mred\u001b[0m 'quoted' \"dq\" \\ # : {x}\n",
                "x: y\n".repeat(200) + "Kernel command line: console=\"tty\\AMA0\" crashkernel=1G\u0007\u2028\n",
                "arm-smmu-v3 x: event 0x02 received:\narm-smmu-v3 x: \t0xffffffff00000002\narm-smmu-v3 x: \t0x0\n"
                        + "arm-smmu-v3 x: \t0x0000000000000000\narm-smmu-v3 x: \t0x0000000000000000\narm-smmu-v3 x: \t0x0000000000000000\n",
                "[ 1.0] Kernel panic - not syncing: oops\n[ 99999999.000000] Kernel panic - not syncing: late\n",
                "pcieport 0000:00:01.0: AER: Uncorrected (Non-Fatal) error received: 0000:00:01.0\n");
    }

    @ParameterizedTest
    @MethodSource("logs")
    void importsToAScenarioThatLoads(String log) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            LogImport.Result r = LogImport.fromText(Map.of("h.log", log), Map.of(), "o.yaml");
            assertTrue(r.yaml().startsWith("# Written by"));
        });
    }
}
