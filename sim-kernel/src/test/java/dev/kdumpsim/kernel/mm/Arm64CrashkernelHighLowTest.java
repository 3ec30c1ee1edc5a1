package dev.kdumpsim.kernel.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.version.CrashkernelPlacement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * arm64 crashkernel= from 5.5 to 6.12 (arch/arm64/mm/init.c reserve_crashkernel at 5.19.9, 6.1.20,
 * 6.6.9; kernel/crash_core.c reserve_crashkernel_generic at 6.8): the exclusive DMA limit, ,high and
 * ,low, the default low size, the fallbacks, and each release's lines.
 */
class Arm64CrashkernelHighLowTest {

    static final long G = 1L << 30;
    static final long M = 1L << 20;

    private KernelLog log;

    private CrashkernelReservation reserve(long dramBytes, String cmdline, CrashkernelPlacement p) {
        log = new KernelLog(new Simulation(1), "kernel1", 0);
        Memblock mb = new Memblock(DramLayout.of(0, dramBytes));
        mb.reserve("kernel", new AddressRange(0x80000, 32L << 20));
        return Arm64Crashkernel.reserve(mb, cmdline, p, log);
    }

    private List<String> lines() {
        return log.records().stream().map(LogRecord::text).toList();
    }

    @Test
    void from55TheDmaLimitIsExclusive() {
        assertEquals(new AddressRange(0x80000000L, 2 * G),
                reserve(16 * G, "crashkernel=2G", CrashkernelPlacement.V5_5_EXCLUSIVE_LIMIT).range());
        assertEquals(List.of("crashkernel reserved: 0x0000000080000000 - 0x0000000100000000 (2048 MB)"), lines());
    }

    @Test
    void v519HighGoesToTheTopAndTakesNoLowRegionUnlessAsked() {
        assertEquals(new AddressRange(14 * G, 2 * G), reserve(16 * G, "crashkernel=2G,high", CrashkernelPlacement.V5_19_HIGH_LOW).range());
        assertEquals(List.of("crashkernel reserved: 0x0000000380000000 - 0x0000000400000000 (2048 MB)"), lines());
        reserve(16 * G, "crashkernel=2G,high crashkernel=256M,low", CrashkernelPlacement.V5_19_HIGH_LOW);
        assertEquals(List.of("crashkernel low memory reserved: 0xf0000000 - 0x100000000 (256 MB)",
                "crashkernel reserved: 0x0000000380000000 - 0x0000000400000000 (2048 MB)"), lines());
    }

    @Test
    void v519PlainCrashkernelDoesNotFallBack() {
        assertNull(reserve(16 * G, "crashkernel=6G", CrashkernelPlacement.V5_19_HIGH_LOW).range());
        assertEquals(List.of("cannot allocate crashkernel (size:0x180000000)"), lines());
    }

    @Test
    void from62HighGetsA128MLowRegionAndPlainFallsBackHigh() {
        reserve(16 * G, "crashkernel=2G,high", CrashkernelPlacement.V6_2_FALLBACK);
        assertEquals("crashkernel low memory reserved: 0xf8000000 - 0x100000000 (128 MB)", lines().get(0));
        assertEquals(new AddressRange(10 * G, 6 * G), reserve(16 * G, "crashkernel=6G", CrashkernelPlacement.V6_2_FALLBACK).range());
        assertEquals("crashkernel low memory reserved: 0xf8000000 - 0x100000000 (128 MB)", lines().get(0));
    }

    @Test
    void from65AFixedBaseInUseSaysSoAndHighFallsBackLow() {
        assertFalse(reserve(16 * G, "crashkernel=256M@0x1000000", CrashkernelPlacement.V6_5_HIGH_FROM_4G).reserved());
        assertEquals(List.of("crashkernel reservation failed - memory is in use."), lines());
        reserve(16 * G, "crashkernel=256M@0x1000000", CrashkernelPlacement.V6_2_FALLBACK);
        assertEquals(List.of("cannot allocate crashkernel (size:0x10000000)"), lines(), "before 6.5 the generic failure");
        // 4 GiB of DRAM: nothing above 4 GiB, so ,high falls back below the DMA limit and needs no low region
        assertEquals(new AddressRange(3 * G, G), reserve(4 * G, "crashkernel=1G,high", CrashkernelPlacement.V6_5_HIGH_FROM_4G).range());
        assertEquals(List.of("crashkernel reserved: 0x00000000c0000000 - 0x0000000100000000 (1024 MB)"), lines());
    }

    @Test
    void v515AFixedBaseThatCannotBeHadFailsLikeAnySearch() {
        assertEquals("cannot allocate crashkernel (size:0x10000000)",
                reserve(16 * G, "crashkernel=256M@0x1000000", CrashkernelPlacement.V5_15_PHYS_ALLOC_RANGE).reason());
        assertEquals("cannot reserve crashkernel: region overlaps reserved memory",
                reserve(16 * G, "crashkernel=256M@0x1000000", CrashkernelPlacement.V5_5_EXCLUSIVE_LIMIT).reason());
    }

    @Test
    void beforeV519HighAndLowAreIgnored() {
        assertFalse(reserve(16 * G, "crashkernel=2G,high", CrashkernelPlacement.V5_15_PHYS_ALLOC_RANGE).reserved());
        assertEquals(M * 128, Arm64Crashkernel.DEFAULT_LOW_SIZE);
    }
}
