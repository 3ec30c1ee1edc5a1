package dev.kdumpsim.kernel.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.version.X86CrashkernelPlacement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** x86_64 reserve_crashkernel on a 16 GiB PC with its PCI hole at 3 GiB, per release family. */
class X86CrashkernelTest {

    static final long MIB = 1L << 20;
    static final long GIB = 1L << 30;

    private KernelLog log;

    private CrashkernelReservation reserve(String cmdline, X86CrashkernelPlacement rule) {
        log = new KernelLog(new Simulation(1), "kernel1", 0);
        return X86Crashkernel.reserve(new Memblock(DramLayout.x86(16 * GIB, 3 * GIB)), cmdline, rule, log);
    }

    private String lines() {
        return log.records().stream().map(LogRecord::line).collect(Collectors.joining("\n"));
    }

    @Test
    void before52TheRegionStaysBelow896MiB() {
        CrashkernelReservation r = reserve("crashkernel=256M", X86CrashkernelPlacement.V4_0_BELOW_896M);
        assertEquals(640 * MIB, r.range().base(), "round_down(896M - 256M, 16M)");
        assertTrue(lines().contains("Reserving 256MB of memory at 640MB for crashkernel (System RAM: 16384MB)"), lines());
        CrashkernelReservation big = reserve("crashkernel=1G", X86CrashkernelPlacement.V4_0_BELOW_896M);
        assertFalse(big.reserved(), "no fall-back above 896 MiB before 5.2");
        assertTrue(lines().contains("crashkernel reservation failed - No suitable area found."), lines());
    }

    @Test
    void from52ItIsPlacedTopDownBelowTheHoleAndFallsBackHighWithALowRegion() {
        CrashkernelReservation r = reserve("crashkernel=512M", X86CrashkernelPlacement.V5_2_BELOW_4G_FALLBACK);
        assertEquals(2560 * MIB, r.range().base());
        CrashkernelReservation high = reserve("crashkernel=4G", X86CrashkernelPlacement.V5_2_BELOW_4G_FALLBACK);
        assertEquals(13 * GIB, high.range().base(), "top of the bank above 4 GiB (17G - 4G)");
        String l = lines();
        assertTrue(l.contains("Reserving 256MB of low memory at 2816MB for crashkernel (System low RAM: 3072MB)"), l);
        assertTrue(l.indexOf("low memory") < l.indexOf("Reserving 4096MB of memory at 13312MB"), l);
    }

    @Test
    void highTakesLowFromTheLowOptionAndNeedsNoFallback() {
        CrashkernelReservation r = reserve("crashkernel=1G,high crashkernel=128M,low",
                X86CrashkernelPlacement.V5_2_BELOW_4G_FALLBACK);
        assertEquals(16 * GIB, r.range().base());
        assertTrue(lines().contains("Reserving 128MB of low memory at 2944MB"), lines());
    }

    @Test
    void from66TheGenericCodePrintsTheRange() {
        reserve("crashkernel=512M", X86CrashkernelPlacement.V6_6_GENERIC);
        assertTrue(lines().contains("crashkernel reserved: 0x00000000a0000000 - 0x00000000c0000000 (512 MB)"), lines());
        reserve("crashkernel=2G,high", X86CrashkernelPlacement.V6_6_GENERIC);
        assertTrue(lines().contains("crashkernel low memory reserved: 0xb0000000 - 0xc0000000 (256 MB)"), lines());
        assertTrue(lines().contains("crashkernel reserved: 0x00000003c0000000 - 0x0000000440000000 (2048 MB)"), lines());
    }

    @Test
    void aFixedBaseMustBeFree() {
        assertTrue(reserve("crashkernel=256M@1G", X86CrashkernelPlacement.V5_2_BELOW_4G_FALLBACK).reserved());
        assertFalse(reserve("crashkernel=256M@3G", X86CrashkernelPlacement.V5_2_BELOW_4G_FALLBACK).reserved(),
                "3 GiB is the PCI hole");
        assertTrue(lines().contains("crashkernel reservation failed - memory is in use."), lines());
    }
}
