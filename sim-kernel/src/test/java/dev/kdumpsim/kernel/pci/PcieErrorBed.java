package dev.kdumpsim.kernel.pci;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.KernelCommandLine;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.arch.Arches;
import dev.kdumpsim.kernel.driver.DeviceDriver;
import dev.kdumpsim.kernel.driver.DriverProfile;
import dev.kdumpsim.kernel.driver.DriverSpec;
import dev.kdumpsim.kernel.log.ConsolePrinter;
import dev.kdumpsim.kernel.log.KernelLog;
import dev.kdumpsim.kernel.log.LogRecord;
import dev.kdumpsim.kernel.mm.PhysAllocator;
import dev.kdumpsim.kernel.version.KernelRelease;
import dev.kdumpsim.kernel.version.KernelVersion;
import dev.kdumpsim.pcie.EndpointDevice;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.EndpointParams;
import dev.kdumpsim.pcie.PcieBridge;
import dev.kdumpsim.pcie.RootComplex;
import dev.kdumpsim.pcie.RootComplexParams;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.List;

/**
 * A test bed for the kernel's PCIe error handling: one Root Port 00:00.0 with a two-function
 * endpoint at 01:00.x (the 2018 adapter's registers), no IOMMU, and a kdump-kernel context at a
 * release; drivers can be bound by name (dma-direct mappings).
 */
public final class PcieErrorBed {

    public final Simulation sim = new Simulation(1);
    public final PhysicalMemory mem = new PhysicalMemory(sim);
    public final RootComplex rc;
    public final PcieBridge rp;
    public final EndpointDevice device;
    public final KernelLog log;
    public final KernelContext ctx;
    public final List<DeviceDriver> drivers = new ArrayList<>();

    public PcieErrorBed(String release) {
        mem.addRegion("dram", 0, 1L << 30, "kdump", "free-kdump-memory");
        rc = new RootComplex(sim, mem, Iommu.NONE, RootComplexParams.REPORT_2018);
        rp = rc.addRootPort(0, 1);
        device = rp.attachEndpoint(EndpointParams.report2018("nic"));
        rc.enableAllBridges();
        log = new KernelLog(sim, "kdump", 0);
        PhysAllocator pages = new PhysAllocator(List.of(new AddressRange(1L << 20, (1L << 30) - (1L << 20))));
        ctx = new KernelContext("kdump", sim, mem, mem.registerAgent("cpu"), log, new ConsolePrinter(sim, log),
                pages::allocate, new KernelCommandLine("reset_devices"), Arches.ARM64,
                KernelVersion.of(KernelRelease.parse(release)), true);
    }

    public EndpointFunction fn(int n) {
        return device.function(n);
    }

    /** Binds the driver {@code name} to function {@code n} and starts its DMA. */
    public DeviceDriver bind(int n, String name) {
        EndpointFunction f = fn(n);
        DeviceDriver d = new DeviceDriver(ctx, new DriverSpec(f.bdf(), DriverProfile.NIC, 1, 64, 2048, 1L << 20, 10_000, name),
                f, rc);
        d.probe(null);
        d.startDma(new java.util.SplittableRandom(1));
        drivers.add(d);
        return d;
    }

    /** The driver bound to {@code bdf}, or null. */
    public DeviceDriver driverOf(int bdf) {
        return drivers.stream().filter(d -> d.function().bdf() == bdf).findFirst().orElse(null);
    }

    /** dev_printk's prefix for {@code bdf}. */
    public String devPrefix(int bdf) {
        return dev.kdumpsim.kernel.pci.err.BoundPciDriver.devPrefixOf(driverOf(bdf), bdf);
    }

    /** Sets the function's AER status bits as if the device had logged {@code bit} (header for header-logging bits). */
    public void logError(int n, int bit) {
        dev.kdumpsim.pcie.aer.AerCapability.logUncorrectable(fn(n).configSpace(), bit, true, 0x0a00a000, 0x00008100,
                0x01010100, 0);
    }

    public int status(int n) {
        return rc.configRead(fn(n).bdf(), PciRegs.ERR_UNCOR_STATUS, 4);
    }

    public boolean busMaster(int n) {
        return (rc.configRead(fn(n).bdf(), PciRegs.COMMAND, 2) & PciRegs.COMMAND_MASTER) != 0;
    }

    /** Everything printed so far, as dmesg shows it without timestamps. */
    public List<String> lines() {
        return log.records().stream().map(LogRecord::text).toList();
    }

    /** Runs the simulation for {@code ns}. */
    public void runFor(long ns) {
        sim.runUntil(sim.now() + ns);
    }
}
