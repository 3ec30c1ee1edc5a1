package dev.kdumpsim.scenarios.regressions;

import static dev.kdumpsim.scenarios.regressions.Hostile.assertAt;
import static dev.kdumpsim.scenarios.regressions.Hostile.assertLocated;
import static dev.kdumpsim.scenarios.regressions.Hostile.error;

import org.junit.jupiter.api.Test;

/**
 * What broke: two endpoints with no {@code port:} (both default to the first root port), two on
 * one root port, or many endpoints on few root ports validated; the run failed in PcieBridge
 * ("already has a device on its link"). An endpoint at device 03 was attached as device 00, so
 * its driver found no function. Fix: one device per link, device 00 function 0 of a bus other
 * than 00, root ports at 00:dd.0, all checked at load with the endpoint already on the link named.
 */
class TwoEndpointsOnOneLinkTest {

    private static final String TWO = Hostile.BASE.replace("    - bdf: \"01:00.0\"\n", "    - bdf: \"01:00.0\"\n        - bdf: \"02:00.0\"\n");

    @Test
    void twoEndpointsWithoutPortShareTheFirstRootPort() {
        assertAt(error(TWO), "s.yaml", 7, 16, "one device per link: 00:00.0 already has endpoint 01:00.0 below it");
    }

    @Test
    void manyEndpointsOnFewRootPortsAreRefused() {
        String text = TWO.replace("    topology:\n", "    topology:\n      rootPorts: [{bdf: \"00:00.0\"}, {bdf: \"00:01.0\"}]\n")
                .replace("- bdf: \"02:00.0\"", "- {bdf: \"02:00.0\", port: \"00:01.0\"}\n        - {bdf: \"03:00.0\", port: \"00:01.0\"}");
        assertLocated(error(text), "s.yaml", "one device per link: 00:01.0 already has endpoint 02:00.0");
    }

    @Test
    void endpointsAreDeviceZeroBelowARootPortOnBusZero() {
        assertLocated(error(Hostile.BASE.replace("\"01:00.0\"", "\"01:03.0\"")), "s.yaml", "must be device 00 function 0");
        assertLocated(error(Hostile.BASE.replace("\"01:00.0\"", "\"00:05.0\"")), "s.yaml", "on bus 00");
        assertLocated(error(Hostile.BASE.replace("    topology:\n", "    topology:\n      rootPorts: [{bdf: \"02:00.0\"}]\n")),
                "s.yaml", "must be function 0 of a device on bus 00");
    }
}
