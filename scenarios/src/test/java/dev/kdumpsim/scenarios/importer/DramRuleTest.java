package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.model.DramBank;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kernel #1's printed memory map becomes the scenario's DRAM banks; without one the bank is assumed. */
class DramRuleTest {

    static final String E820 = """
            [    0.000000] Linux version 5.15.0 (gcc) #1 SMP
            [    0.000000] BIOS-provided physical RAM map:
            [    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable
            [    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved
            [    0.000000] BIOS-e820: [mem 0x0000000000100000-0x00000000bffd9fff] usable
            [    0.000000] BIOS-e820: [mem 0x00000000bffda000-0x00000000bfffffff] reserved
            [    0.000000] BIOS-e820: [mem 0x00000000feffc000-0x00000000feffffff] reserved
            [    0.000000] BIOS-e820: [mem 0x0000000100000000-0x000000043fffffff] usable
            [    0.000000] Reserving 512MB of memory at 2560MB for crashkernel (System RAM: 16383MB)
            """;

    @Test
    void e820UsableRangesMergeAcrossSmallHolesIntoWholeMiBBanks() {
        List<long[]> banks = Snippets.facts(E820, new DramRule()).dramBanks();
        assertEquals(2, banks.size());
        assertEquals(0L, banks.get(0)[0]);
        assertEquals(0xc000_0000L, banks.get(0)[1], "0xbffd9fff rounds up to 3 GiB");
        assertEquals(0x1_0000_0000L, banks.get(1)[0]);
        assertEquals(0x4_4000_0000L, banks.get(1)[1]);
    }

    @Test
    void arm64EarlyMemoryNodeRangesAndOnlyKernelOnesMap() {
        String log = """
                [    0.000000] Linux version 4.16.0 (gcc) #1 SMP
                [    0.000000] Early memory node ranges
                [    0.000000]   node   0: [mem 0x0000000080000000-0x00000000fbffffff]
                [    0.000000]   node   0: [mem 0x0000000880000000-0x0000000fffffffff]
                [   60.000000] Starting crashdump kernel...
                [    0.000000] Linux version 4.16.0 (gcc) #1 SMP
                [    0.000000]   node   0: [mem 0x00000000dfe00000-0x00000000ffdfffff]
                """;
        List<long[]> banks = Snippets.facts(log, new DramRule()).dramBanks();
        assertEquals(2, banks.size(), "the kdump kernel's own map is not the machine's");
        assertEquals(0x8000_0000L, banks.get(0)[0]);
        assertEquals(0xfc00_0000L, banks.get(0)[1]);
        assertEquals(0x10_0000_0000L, banks.get(1)[1]);
    }

    @Test
    void theImportedScenarioUsesThePrintedBanks(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("e820.log");
        Files.writeString(log, E820);
        LogImport.Result r = LogImport.run(List.of(log), List.of(), "o.yaml");
        List<DramBank> dram = r.scenario().platform().dram();
        assertEquals(2, dram.size(), r.yaml());
        assertEquals(3L << 30, dram.get(0).size().bytes());
        assertEquals(0x1_0000_0000L, dram.get(1).base().value());
        assertTrue(r.yaml().contains("# e820.log:3"), r.yaml());
        assertTrue(r.assumptions().stream().noneMatch(a -> a.contains("platform.dram")), r.assumptions().toString());
    }
}
