package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.ByteSize;
import dev.kdumpsim.scenarios.value.PhysAddr;

/** One DRAM bank (a device-tree memory node or UEFI conventional-memory range). */
@Doc("One DRAM bank")
public record DramBank(
        @Doc(value = "Physical base address", required = true) PhysAddr base,
        @Doc(value = "Size of the bank", required = true) ByteSize size) {
}
