package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.binding.Yaml;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.AerRegisters;
import dev.kdumpsim.scenarios.model.CompletionTimeoutSetting;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.model.Endpoint;
import dev.kdumpsim.scenarios.model.Kernel;
import dev.kdumpsim.scenarios.value.HexValue;
import java.util.Optional;

/**
 * What identifies a device and what firmware left in it: register widths (Vendor and Device ID
 * 16 bits, Class Code 24, AER registers 32; PCIe r5.0 §7.5.1.1, §7.8.4), a DevCtl2 Completion
 * Timeout Value only in a supported range and Disable only when supported (§7.5.3.16), and driver
 * names as sim-kernel's DriverSpec takes them.
 */
final class DeviceChecks {

    private final Locations at;

    DeviceChecks(Locations at) {
        this.at = at;
    }

    void endpoint(Endpoint e) throws ScenarioException {
        width(e, "vendorId", e.vendorId(), 16, "PCI Vendor ID");
        width(e, "deviceId", e.deviceId(), 16, "PCI Device ID");
        width(e, "classCode", e.classCode(), 24, "Class Code");
        if (e.aer().isPresent()) {
            AerRegisters a = e.aer().get();
            width(a, "uncorSeverity", a.uncorSeverity(), 32, "AER Uncorrectable Error Severity");
            width(a, "uncorMask", a.uncorMask(), 32, "AER Uncorrectable Error Mask");
            width(a, "corMask", a.corMask(), 32, "AER Correctable Error Mask");
        }
        if (e.completionTimeoutControl().isPresent()) {
            completionTimeout(e.completionTimeoutControl().get());
        }
    }

    private void completionTimeout(CompletionTimeoutSetting c) throws ScenarioException {
        for (int i = 0; i < c.rangesSupported().size(); i++) {
            if (c.rangesSupported().indexOf(c.rangesSupported().get(i)) != i) {
                throw at.error(c, "rangesSupported", i, "range " + c.rangesSupported().get(i).specName() + " listed twice", "remove one");
            }
        }
        if (c.value().range() != null && !c.rangesSupported().contains(c.value().range())) {
            throw at.error(c, "value", "Completion Timeout Value " + c.value().specName() + " is in range " + c.value().range().specName()
                    + ", which rangesSupported does not list (DevCtl2 keeps 0000b, PCIe r5.0 §7.5.3.16)",
                    "add " + c.value().range().specName() + " to rangesSupported or write value: default");
        }
        if (c.disabled() && !c.disableSupported()) {
            throw at.error(c, "disabled", "Completion Timeout Disable is set but not supported (DevCap2 bit 4)",
                    "add disableSupported: true");
        }
    }

    void drivers(Kernel k) throws ScenarioException {
        for (DriverConfig d : k.drivers()) {
            if (d.name().isPresent() && !d.name().get().matches(DriverConfig.NAME_PATTERN)) {
                throw at.error(d, "name", "driver name '" + Yaml.shorten(d.name().get()) + "' is not 1 to 32 of A-Z a-z 0-9 _ -",
                        "write the Linux pci_driver.name, e.g. igb, ixgbe, bnx2x, mlx5_core, nvme, mpt3sas, hpsa");
            }
        }
    }

    private void width(Object record, String field, Optional<HexValue> v, int bits, String what) throws ScenarioException {
        if (v.isPresent() && !v.get().fits(bits)) {
            throw at.error(record, field, what + " is " + bits + " bits; " + v.get() + " does not fit",
                    "at most 0x" + Long.toHexString((1L << bits) - 1));
        }
    }
}
