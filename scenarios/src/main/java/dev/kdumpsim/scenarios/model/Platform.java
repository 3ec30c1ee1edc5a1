package dev.kdumpsim.scenarios.model;

import java.util.List;

/** The machine the two kernels run on. */
@Doc("The machine: DRAM banks, the SMMUv3 and the PCIe hierarchy behind it")
public record Platform(
        @Doc(value = "DRAM banks as firmware reports them (must not overlap)", dflt = "[{base: '0x0', size: 16GiB}]") List<DramBank> dram,
        @Doc("SMMUv3 parameters (ID registers and reset state)") Smmu smmu,
        @Doc("PCIe root complex, StreamID mapping and topology") Pcie pcie) {

    public Platform {
        dram = List.copyOf(dram);
    }
}
