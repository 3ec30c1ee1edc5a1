package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.Bdf;
import dev.kdumpsim.scenarios.value.SimDuration;
import java.util.Optional;

/** A PCIe endpoint device, possibly multi-function (functions 0..functions-1 at bdf's device). */
@Doc("A PCIe endpoint (functions bdf.0 .. bdf.(functions-1))")
public record Endpoint(
        @Doc(value = "BDF of function 0 (or of the only function)", required = true) Bdf bdf,
        @Doc("Root port or switch downstream port above it (default: the first root port)") Optional<Bdf> port,
        @Doc(value = "Number of functions (1-8), all sharing the device's error profile", dflt = "1") int functions,
        @Doc(value = "How the device reacts to error completions", dflt = "normal") ErrorProfile errorProfile,
        @Doc(value = "Errors after which the device stops working until FLR/reset (0: never)", dflt = "0") int wedgeAfterErrors,
        @Doc(value = "Completion timeout (Device Control 2 range)", dflt = "50ms") SimDuration completionTimeout,
        @Doc(value = "Device Capabilities FLR bit: the device supports Function Level Reset", dflt = "true") boolean flrCapable) {
}
