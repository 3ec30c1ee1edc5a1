package dev.kdumpsim.scenarios.importer;

import dev.kdumpsim.scenarios.devices.DevicePreset;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.List;
import java.util.Optional;

/**
 * One endpoint of the written scenario: function 0's BDF, the functions the inputs name, the root
 * port above it and what was read about each function.
 *
 * @param portWhere where the port was read, or null when it was assumed
 */
record ImportedDevice(Bdf bdf, int functions, Bdf port, String portWhere, List<DeviceFacts> seen, Optional<DevicePreset> preset,
        boolean storage) {

    /** The first non-null value of {@code f} over the functions. */
    <T> T first(java.util.function.Function<DeviceFacts, T> f) {
        return seen.stream().map(f).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    boolean malformedTlp() {
        return seen.stream().anyMatch(d -> d.errors.contains("Malformed TLP") || d.errors.contains("MalfTLP"));
    }
}
