package dev.kdumpsim.kernel.driver;

import dev.kdumpsim.kernel.api.KernelApi;

/**
 * A driver bound to one endpoint function in one kernel.
 *
 * @param bdf the function
 * @param profile driver model
 * @param rings DMA queues; the model merges them into one ring of rings x ringEntries slots
 * @param ringEntries descriptors per ring
 * @param bufferBytes bytes the device writes per receive buffer (at most 4096)
 * @param iovaFootprintBytes IOVA space the driver maps in total: rings, then receive buffers
 *     (one mapping each) until the footprint is used
 * @param dmaRatePerSec DMA transactions per second in steady state (about 1/4 descriptor reads,
 *     3/8 buffer writes, 3/8 completion writes, plus one MSI per 32 completions)
 * @param name the driver's {@code pci_driver.name}, as dev_printk prefixes print it once bound
 *     ("igb 0000:01:00.0: "); a Linux driver's name also selects its PCI error handlers
 *     (the PCI error-recovery catalogue); the model's own names are {@code kdumpsim-nic} and {@code kdumpsim-hba}
 */
@KernelApi
public record DriverSpec(int bdf, DriverProfile profile, int rings, int ringEntries, int bufferBytes,
        long iovaFootprintBytes, long dmaRatePerSec, String name) {

    /** What a {@code pci_driver.name} may be here: 1-32 of letters, digits, '_' and '-'. */
    public static final String NAME_PATTERN = "[A-Za-z0-9_-]{1,32}";

    /** The model driver's name for a profile: {@code kdumpsim-hba} for storage, else {@code kdumpsim-nic}. */
    public static String modelName(DriverProfile p) {
        return p == DriverProfile.STORAGE ? "kdumpsim-hba" : "kdumpsim-nic";
    }

    /** A driver of the model's own ({@link #modelName}). */
    public DriverSpec(int bdf, DriverProfile profile, int rings, int ringEntries, int bufferBytes, long iovaFootprintBytes,
            long dmaRatePerSec) {
        this(bdf, profile, rings, ringEntries, bufferBytes, iovaFootprintBytes, dmaRatePerSec, modelName(profile));
    }

    public DriverSpec {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("driver name must be 1-32 of [A-Za-z0-9_-], got " + name);
        }
        if (rings < 1 || ringEntries < 1 || bufferBytes < 1 || bufferBytes > 4096 || iovaFootprintBytes < 1
                || dmaRatePerSec < 1) {
            throw new IllegalArgumentException("driver for " + bdf + ": rings, ringEntries, bufferBytes (1-4096),"
                    + " iovaFootprint and dmaRatePerSec must be positive");
        }
    }
}
