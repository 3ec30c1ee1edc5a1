package dev.kdumpsim.kernel.driver;

import dev.kdumpsim.kernel.api.KernelApi;

/** Which driver model a kernel binds to an endpoint function. */
@KernelApi
public enum DriverProfile {
    /** A NIC: descriptor fetches (reads), receive-buffer and completion writes, MSI. */
    NIC,
    /** An HBA: the same DMA shapes; in the kdump kernel it is the preferred dump target. */
    STORAGE,
    /** No driver: nobody maps, resets or quiesces the function in this kernel. */
    NONE
}
