package dev.kdumpsim.pcie;

import dev.kdumpsim.core.PhysicalMemory;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.pcie.config.PciRegs;

/** A small machine for tests: one root complex over a scripted IOMMU with 4 GiB of tagged RAM. */
final class Rig {
    final Simulation sim;
    final PhysicalMemory mem;
    final ScriptedIommu iommu = new ScriptedIommu();
    final RootComplex rc;

    Rig(RootComplexParams params) {
        this(params, 1);
    }

    Rig(RootComplexParams params, long seed) {
        sim = new Simulation(seed);
        mem = new PhysicalMemory(sim);
        mem.addRegion("ram", 0, 0x1_0000_0000L, "kernel #1", "ram");
        rc = new RootComplex(sim, mem, iommu, params);
    }

    Rig() {
        this(RootComplexParams.REPORT_2018);
    }

    /** Driver enable: MSE + BME. */
    void enable(EndpointFunction f) {
        rc.configWrite(f.bdf(), PciRegs.COMMAND, 2, PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER);
    }

    void clearBme(EndpointFunction f) {
        int c = rc.configRead(f.bdf(), PciRegs.COMMAND, 2);
        rc.configWrite(f.bdf(), PciRegs.COMMAND, 2, c & ~PciRegs.COMMAND_MASTER);
    }

    int aerStatus(PcieFunction f) {
        return rc.configRead(f.bdf(), PciRegs.ERR_UNCOR_STATUS, 4);
    }

    void assertLedgerBalanced() {
        long sum = 0;
        for (DmaFate fate : DmaFate.values()) {
            sum += rc.fateCount(fate);
        }
        org.junit.jupiter.api.Assertions.assertEquals(rc.issuedCount(), sum + rc.inFlightCount());
    }
}
