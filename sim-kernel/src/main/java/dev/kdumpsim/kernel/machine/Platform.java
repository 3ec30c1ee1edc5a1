package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.ras.FirmwareFirstHandler;
import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.kernel.iommu.IommuHardware;
import dev.kdumpsim.kernel.mm.MemoryRoles;
import dev.kdumpsim.kernel.verdict.Ledger;
import dev.kdumpsim.pcie.RootComplex;
import java.util.Map;

/**
 * The machine's hardware, assembled from a {@link MachineConfig}: one clock, DRAM as regions of
 * simulated memory, the IOMMU model registered for the configuration ({@link IommuModels}), the
 * root complex asking it for every DMA, the PCIe tree ({@link PcieTreeBuilder}, switches
 * included) and the ledger that sees every transaction's fate.
 */
final class Platform {

    private final Simulation sim;
    private final PhysicalMemory mem;
    private final IommuHardware iommu;
    private final RootComplex rc;
    private final Ledger ledger;
    private final Map<Integer, Integer> rootPortOfBus;
    private final FirmwareFirstHandler firmwareFirst;

    Platform(MachineConfig config) {
        this.sim = new Simulation(config.seed());
        this.mem = new PhysicalMemory(sim);
        int i = 0;
        for (AddressRange bank : config.dram().banks()) {
            mem.addRegion("DRAM bank " + i++, bank.base(), bank.size(), "kernel1", MemoryRoles.KERNEL1);
        }
        this.iommu = IommuModels.create(config.iommu(), sim, mem);
        this.rc = new RootComplex(sim, mem, iommu.port(), config.rootComplex());
        if (iommu.interruptRequests() != null) {
            rc.setInterruptRequestHandler(iommu.interruptRequests());
        }
        this.ledger = new Ledger();
        rc.addTransactionObserver(ledger);
        this.rootPortOfBus = new PcieTreeBuilder(config, rc).build();
        rc.enableAllBridges();
        // firmware that owns AER sets it up at power-on, before either kernel runs (GHES source 1: a model value)
        this.firmwareFirst = config.kdump().firmwareFirst() ? new FirmwareFirstHandler(sim, rc, 1, config.ras().cperSeverity()) : null;
        if (firmwareFirst != null) {
            firmwareFirst.powerOn();
        }
    }

    /** The platform firmware that takes PCIe errors first, or null when the OS owns AER. */
    FirmwareFirstHandler firmwareFirst() {
        return firmwareFirst;
    }

    Simulation simulation() {
        return sim;
    }

    PhysicalMemory memory() {
        return mem;
    }

    IommuHardware iommu() {
        return iommu;
    }

    RootComplex rootComplex() {
        return rc;
    }

    Ledger ledger() {
        return ledger;
    }

    /** The root port (BDF) above each bus (key: bus << 8), for AER's root-port lines. */
    Map<Integer, Integer> rootPortOfBus() {
        return rootPortOfBus;
    }
}
