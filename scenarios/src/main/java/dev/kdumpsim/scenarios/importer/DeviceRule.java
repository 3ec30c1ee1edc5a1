package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.kdumpsim.scenarios.model.DriverConfig;
import java.util.Set;

/**
 * Every PCI function a dev_printk names: {@code pci 0000:01:00.0: [8086:10c9] type 00 class
 * 0x020000} (pci_setup_device, drivers/pci/probe.c), {@code igb 0000:01:00.0: ...} once a driver
 * is bound (the prefix is dev_driver_string: the driver's name). {@code pci} and
 * {@code pcieport} are the PCI core and the port driver, not an endpoint's driver; a
 * {@code pcieport} on bus 0 is a root port.
 */
public final class DeviceRule implements Rule {

    private static final Pattern PREFIX = Pattern.compile("^(" + DriverConfig.NAME_PATTERN + ") " + Pci.BDF + ": ");
    private static final Pattern IDS = Pattern.compile("^pci \\S+: \\[([0-9a-f]{4}):([0-9a-f]{4})\\] type ([0-9a-f]{2}) class 0x([0-9a-f]{6})");
    private static final Set<String> CORE = Set.of("pci", "pcieport", "pci_bus", "aer", "shpchp", "pciehp");

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (msg.length() < 14 || msg.indexOf(':') < 0 || msg.charAt(0) == ' ') {
            return;
        }
        Matcher m = PREFIX.matcher(msg);
        if (!m.find()) {
            return;
        }
        var bdf = Pci.bdf(m, 2);
        if (bdf == null) {
            return;
        }
        String driver = m.group(1);
        if (driver.equals("pcieport") && bdf.bus() == 0) {
            facts.rootPorts.add(bdf);
        }
        DeviceFacts d = facts.device(bdf, line.where());
        if (d == null) {
            return;
        }
        if (!CORE.contains(driver)) {
            d.drivers.putIfAbsent(line.kernel(), driver);
        }
        if (driver.equals("pcieport")) {
            d.bridge = true;
        }
        Matcher ids = msg.contains("] type ") ? IDS.matcher(msg) : null;
        if (ids != null && ids.find() && d.vendorId == null) {
            d.vendorId = Integer.parseInt(ids.group(1), 16);
            d.deviceId = Integer.parseInt(ids.group(2), 16);
            d.classCode = Integer.parseInt(ids.group(4), 16);
            d.bridge |= ids.group(3).equals("01");
            d.idsWhere = line.where();
        }
    }
}
