package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kdumpsim.scenarios.error.ScenarioException;
import org.junit.jupiter.api.Test;

/**
 * What broke: {@code dmaRatePerSec: 0}, {@code iovaFootprint: 0}, {@code bufferSize: 0} (or above
 * a page) validated, and run failed in sim-kernel's DriverSpec with "driver for 256: ...", naming
 * the device by its decimal requester ID. Fix: each is checked at load, at the key, naming the
 * device by its BDF.
 */
class ZeroDriverParametersNamedAStreamIdTest {

    private static String driver(String fields) {
        return Hostile.BASE.replace("cmdline: \"crashkernel=512M\"\n", "cmdline: \"crashkernel=512M\"\n    drivers: [{device: \"01:00.0\", " + fields + "}]\n");
    }

    @Test
    void zeroRateFootprintBufferAndEntriesNameTheBdf() {
        for (String[] c : new String[][] {{"dmaRatePerSec: 0", "dmaRatePerSec"}, {"iovaFootprint: 0", "iovaFootprint"},
                {"bufferSize: 0", "bufferSize"}, {"bufferSize: 8KiB", "bufferSize"}, {"ringEntries: 0", "ringEntries"}, {"rings: 0", "rings"}}) {
            ScenarioException e = error(driver(c[0]));
            assertAt(e, "s.yaml", 10, 35 + c[0].indexOf(':') + 2, c[1] + " of the driver for 01:00.0");
            assertFalse(e.format().contains("256"), e.format());
        }
    }
}
