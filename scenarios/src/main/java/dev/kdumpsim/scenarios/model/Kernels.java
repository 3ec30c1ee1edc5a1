package dev.kdumpsim.scenarios.model;

/** The two kernels of a kdump story. */
@Doc("The crashing kernel #1 and the kdump kernel")
public record Kernels(
        @Doc(value = "Kernel #1: reserves crashkernel=, maps DMA, panics", dflt = "{cmdline: 'crashkernel=2G'}") Kernel first,
        @Doc(value = "The kdump kernel: boots inside the crashkernel region", dflt = "{cmdline: 'reset_devices'}") Kernel kdump) {
}
