package dev.kdumpsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelCommandLineTest {

    @Test
    void serialConsoleBaudComesFromConsoleOptions() {
        assertEquals(115200, new KernelCommandLine("console=ttyAMA0,115200n8").serialConsoleBaud());
        assertEquals(9600, new KernelCommandLine("console=ttyS0,9600").serialConsoleBaud());
        assertEquals(115200, new KernelCommandLine("console=ttyAMA0").serialConsoleBaud(), "firmware rate");
        assertEquals(0, new KernelCommandLine("console=tty0").serialConsoleBaud(), "VT console costs nothing");
        assertEquals(0, new KernelCommandLine("root=/dev/sda1").serialConsoleBaud());
    }

    @Test
    void lastOccurrenceOfAnOptionWins() {
        assertEquals(38400, new KernelCommandLine("console=ttyS0,9600 console=ttyS0,38400").serialConsoleBaud());
    }

    @Test
    void resetDevicesIsAFlag() {
        assertTrue(new KernelCommandLine("  maxcpus=1 reset_devices  ").resetDevices());
        assertFalse(new KernelCommandLine("maxcpus=1").resetDevices());
    }

    @Test
    void forcedacAndDisableBypassParseBooleans() {
        assertTrue(new KernelCommandLine("iommu.forcedac=1").forcedac());
        assertFalse(new KernelCommandLine("iommu.forcedac=0").forcedac());
        assertFalse(new KernelCommandLine("").forcedac());
        assertEquals(Optional.of(true), new KernelCommandLine("arm-smmu-v3.disable_bypass=y").disableBypass());
        assertEquals(Optional.of(false), new KernelCommandLine("arm-smmu-v3.disable_bypass=0").disableBypass());
        assertEquals(Optional.empty(), new KernelCommandLine("quiet").disableBypass());
    }

    @Test
    void cpusFromMaxcpusOrNrCpus() {
        assertEquals(1, new KernelCommandLine("maxcpus=1").cpus(8));
        assertEquals(2, new KernelCommandLine("nr_cpus=2 maxcpus=4").cpus(8), "nr_cpus checked first");
        assertEquals(8, new KernelCommandLine("maxcpus=all").cpus(8));
        assertEquals(1, new KernelCommandLine("maxcpus=0").cpus(8), "at least the boot CPU");
        assertEquals(8, new KernelCommandLine(null).cpus(8));
    }
}
