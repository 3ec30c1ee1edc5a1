package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertLocated;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;

import org.junit.jupiter.api.Test;

/**
 * What broke: {@code 0000:01:00.0} and {@code 0001:01:00.0} are distinct BDFs in the file, but
 * the machine has one root complex and keys functions by 16-bit requester ID, so both became the
 * same function and the run failed with "BDF already in use". Fix: the machine has one segment;
 * the same bus/device/function in two segments, or any segment other than 0000, is located.
 */
class SameBdfInTwoSegmentsTest {

    @Test
    void theSameBusDeviceFunctionInTwoSegmentsIsRefused() {
        String text = Hostile.BASE.replace("    topology:\n", "    topology:\n      rootPorts: [{bdf: \"00:00.0\"}, {bdf: \"00:01.0\"}]\n")
                .replace("    - bdf: \"01:00.0\"\n", "    - bdf: \"0000:01:00.0\"\n        - {bdf: \"0001:01:00.0\", port: \"00:01.0\"}\n");
        assertLocated(error(text), "s.yaml", "bus/device/function 01:00.0 is in segments 0000 and 0001");
    }

    @Test
    void anotherSegmentIsRefused() {
        assertLocated(error(Hostile.BASE.replace("\"01:00.0\"", "\"0002:01:00.0\"")), "s.yaml", "0002:01:00.0 is in PCI segment 0002");
    }
}
