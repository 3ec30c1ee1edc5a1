package dev.kdumpsim.kernel.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.pci.PcieErrorBed;
import dev.kdumpsim.kernel.pci.err.LinuxPciDrivers;
import dev.kdumpsim.kernel.pci.err.PciChannelState;
import dev.kdumpsim.kernel.pci.err.PciErsResult;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The driver model on a bare root port (dma-direct: IOVA = PA): probe and mappings, NAPI refills,
 * what a panic and an orderly kexec leave running, the kdump probe's FLR under reset_devices, the
 * dump write, and the PCI error callbacks.
 */
class DeviceDriverTest {

    private static DeviceDriver driver(PcieErrorBed bed, String name) {
        var f = bed.fn(0);
        DeviceDriver d = new DeviceDriver(bed.ctx, new DriverSpec(f.bdf(), DriverProfile.NIC, 1, 64, 2048, 1L << 20, 10_000, name),
                f, bed.rc);
        bed.drivers.add(d);
        return d;
    }

    @Test
    void probeMapsItsFootprintAndEnablesTheDevice() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        DeviceDriver d = driver(bed, "igb");
        assertTrue(d.probe(null));
        assertTrue(d.bound());
        assertTrue(bed.busMaster(0), "pci_set_master");
        long[] span = d.iovaSpan();
        assertTrue(d.bufferCount() > 100, "one mapping per receive buffer until the 1 MiB footprint is used");
        assertTrue(span[0] >= 1L << 20, "dma-direct: IOVA = PA, from the bed's allocator (above 1 MiB)");
        assertEquals(bed.ctx.arch().msiDoorbellPa(), span[1], "the highest address the device uses is the ITS doorbell");
        assertEquals("igb 0000:01:00.0: ", d.devPrefix());
    }

    @Test
    void napiKeepsTheRingFullUntilTheCpusStop() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        DeviceDriver d = driver(bed, "kdumpsim-nic");
        d.probe(null);
        d.startDma(new java.util.SplittableRandom(1));
        bed.runFor(50_000_000);
        assertTrue(d.programmed());
        int full = bed.fn(0).postedBuffers();
        assertEquals(64, full, "refilled to rings x ringEntries");
        d.cpusStopped();
        bed.runFor(50_000_000);
        assertTrue(bed.fn(0).postedBuffers() < full, "after a panic nobody refills: the device drains what it holds");
        assertTrue(bed.fn(0).isDmaActive(), "but keeps its engines running");
    }

    @Test
    void anOrderlyKexecStopsTheDeviceAndClearsBusMaster() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        DeviceDriver d = driver(bed, "kdumpsim-nic");
        d.probe(null);
        d.startDma(new java.util.SplittableRandom(1));
        bed.runFor(20_000_000);
        d.shutdownForKexec();
        assertFalse(bed.busMaster(0));
        assertFalse(bed.fn(0).isDmaActive());
    }

    @Test
    void theKdumpProbeFlrsACapableFunctionUnderResetDevices() {
        for (boolean reset : new boolean[] {true, false}) {
            PcieErrorBed bed = new PcieErrorBed("5.7.0");
            DeviceDriver d = driver(bed, "kdumpsim-hba");
            List<Boolean> done = new ArrayList<>();
            d.kdumpProbe(null, reset, () -> { }, done::add);
            bed.runFor(50_000_000);
            assertEquals(!reset, d.probeFinished(), "pcie_flr waits 100 ms before the device is used (reset=" + reset + ")");
            bed.runFor(2_000_000_000L);
            assertEquals(List.of(true), done);
            assertTrue(d.programmed());
        }
    }

    @Test
    void theDumpIsWrittenByAHealthyDeviceAndNotByAWedgedOne() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        DeviceDriver d = driver(bed, "kdumpsim-hba");
        d.probe(null);
        List<Boolean> ok = new ArrayList<>();
        d.writeDump(ok::add);
        bed.runFor(1_000_000_000L);
        assertEquals(List.of(true), ok);

        PcieErrorBed bed2 = new PcieErrorBed("5.7.0");
        DeviceDriver unbound = driver(bed2, "kdumpsim-hba");
        List<Boolean> no = new ArrayList<>();
        unbound.writeDump(no::add);
        assertEquals(List.of(false), no, "a driver that never probed has no device to write with");
    }

    @Test
    void errorCallbacksStopReenableAndResumeTheDevice() {
        PcieErrorBed bed = new PcieErrorBed("5.7.0");
        DeviceDriver d = driver(bed, "igb");
        d.probe(null);
        d.startDma(new java.util.SplittableRandom(1));
        bed.runFor(20_000_000);
        var igb = LinuxPciDrivers.of("igb").orElseThrow();
        assertEquals(PciErsResult.NEED_RESET, d.errorDetected(igb, PciChannelState.NORMAL));
        assertFalse(bed.busMaster(0), "pci_disable_device");
        assertFalse(bed.fn(0).isDmaActive(), "igb_down");
        assertEquals(PciErsResult.DISCONNECT, d.errorDetected(igb, PciChannelState.PERM_FAILURE));
        assertEquals(PciErsResult.RECOVERED, d.slotReset());
        assertTrue(bed.busMaster(0), "pci_enable_device_mem + pci_set_master");
        d.resume();
        assertTrue(bed.fn(0).isDmaActive(), "igb_up: the rings are programmed again");
        int cmd = bed.rc.configRead(bed.fn(0).bdf(), PciRegs.COMMAND, 2);
        assertTrue((cmd & PciRegs.COMMAND_MEMORY) != 0);
    }

    @Test
    void removeUnbindsAndTheRescanBindsAgain() {
        PcieErrorBed bed = new PcieErrorBed("4.19.0");
        DeviceDriver d = driver(bed, "igb");
        d.probe(null);
        d.remove();
        assertFalse(d.attached());
        assertFalse(d.bound());
        d.reprobe();
        assertTrue(d.attached() && d.bound());
    }
}
