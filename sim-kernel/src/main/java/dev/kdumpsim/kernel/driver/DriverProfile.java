package dev.kdumpsim.kernel.driver;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.SpecNamed;

/** Which driver model a kernel binds to an endpoint function. */
@KernelApi
public enum DriverProfile implements SpecNamed {
    /** A NIC: descriptor fetches (reads), receive-buffer and completion writes, MSI. */
    NIC("nic", "network driver: RX buffer writes, TX descriptor reads, completion writes"),
    /** An HBA: the same DMA shapes; in the kdump kernel it is the preferred dump target. */
    STORAGE("storage", "HBA driver: command fetches, data reads/writes, completion writes (can be the dump target)"),
    /** No driver: nobody maps, resets or quiesces the function in this kernel. */
    NONE("none", "no driver: nobody maps, resets or quiesces the device in this kernel");

    private final String specName;
    private final String description;

    DriverProfile(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    /** The name scenario files use ({@code kernels.*.drivers[].profile}). */
    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String description() {
        return description;
    }
}
