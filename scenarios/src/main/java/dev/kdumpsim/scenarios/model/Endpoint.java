package dev.kdumpsim.scenarios.model;

import dev.kdumpsim.scenarios.value.Bdf;
import dev.kdumpsim.scenarios.value.HexValue;
import dev.kdumpsim.scenarios.value.SimDuration;
import java.util.Optional;

/**
 * A PCIe endpoint device, possibly multi-function (functions 0..functions-1 at bdf's device). A
 * {@code preset} names a device of the catalogue (scenarios/devices/, docs/devices.md) whose
 * values stand in for every key the endpoint leaves out; the loader merges them before binding,
 * so the values here are the effective ones.
 */
@Doc("A PCIe endpoint (functions bdf.0 .. bdf.(functions-1))")
public record Endpoint(
        @Doc(value = "BDF of function 0 (or of the only function)", required = true) Bdf bdf,
        @Doc("Root port or switch downstream port above it (default: the first root port)") Optional<Bdf> port,
        @Doc("A device of the catalogue (scenarios/devices/, docs/devices.md) giving the defaults of the keys left out,"
                + " and the Linux driver name of drivers bound to its functions") Optional<String> preset,
        @Doc("PCI Vendor ID, 16 bits (absent: 0x1af4, or 0x17cb for errorProfile defective-completion)") Optional<HexValue> vendorId,
        @Doc("PCI Device ID, 16 bits (absent: 0x1000, or 0x0401 for errorProfile defective-completion)") Optional<HexValue> deviceId,
        @Doc("Class Code, 24 bits: base class, sub-class, programming interface (e.g. 0x020000 Ethernet; absent: 0x000000)")
        Optional<HexValue> classCode,
        @Doc("Device Serial Number, 64 bits: its presence gives every function the DSN extended capability (PCIe r5.0 §7.9.3)")
        Optional<HexValue> serialNumber,
        @Doc(value = "Number of functions (1-8), all sharing the device's error profile", dflt = "1") int functions,
        @Doc(value = "How the device reacts to error completions", dflt = "normal") ErrorProfile errorProfile,
        @Doc(value = "Errors after which the device stops working until FLR/reset (0: never)", dflt = "0") int wedgeAfterErrors,
        @Doc(value = "Completion timeout in the default range (Device Control 2 value 0000b)", dflt = "50ms") SimDuration completionTimeout,
        @Doc("Completion Timeout ranges (DevCap2) and the DevCtl2 value firmware left (absent: not programmable)")
        Optional<CompletionTimeoutSetting> completionTimeoutControl,
        @Doc(value = "Device Capabilities FLR bit: the device supports Function Level Reset", dflt = "true") boolean flrCapable,
        @Doc("AER registers firmware left: uncorSeverity, uncorMask, corMask") Optional<AerRegisters> aer) {

    /** An endpoint of the model's own identity: no preset, ids, class, serial number, AER values or DevCtl2 setting. */
    public Endpoint(Bdf bdf, Optional<Bdf> port, int functions, ErrorProfile errorProfile, int wedgeAfterErrors,
            SimDuration completionTimeout, boolean flrCapable) {
        this(bdf, port, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), functions,
                errorProfile, wedgeAfterErrors, completionTimeout, Optional.empty(), flrCapable, Optional.empty());
    }
}
