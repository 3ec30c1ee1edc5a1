package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.kernel.driver.DriverProfile;
import dev.kdumpsim.scenarios.value.Bdf;
import dev.kdumpsim.scenarios.value.ByteSize;
import java.util.Optional;

/** A driver bound to one endpoint function: its DMA footprint and rate. */
@Doc("A driver bound to one endpoint function")
public record DriverConfig(
        @Doc(value = "BDF of the endpoint function (must be in the topology)", required = true) Bdf device,
        @Doc(value = "Driver model", dflt = "nic") DriverProfile profile,
        @Doc(value = "Number of DMA rings (queues)", dflt = "1") int rings,
        @Doc(value = "Descriptors per ring", dflt = "256") int ringEntries,
        @Doc(value = "Size of one DMA buffer", dflt = "2KiB") ByteSize bufferSize,
        @Doc(value = "IOVA space mapped by the driver in total (rings + buffers)", dflt = "2MiB") ByteSize iovaFootprint,
        @Doc(value = "DMA transactions per second in steady state", dflt = "100000") long dmaRatePerSec,
        @Doc("Linux driver name (pci_driver.name, 1-32 of A-Z a-z 0-9 _ -), the dev_printk prefix once bound, e.g. igb, nvme"
                + " (absent: the driver of the endpoint's preset, else kdumpsim-nic, or kdumpsim-hba for storage)")
        Optional<String> name) {

    /** The driver name pattern of sim-kernel's DriverSpec. */
    public static final String NAME_PATTERN = dev.kdumpsim.kernel.driver.DriverSpec.NAME_PATTERN;
}
