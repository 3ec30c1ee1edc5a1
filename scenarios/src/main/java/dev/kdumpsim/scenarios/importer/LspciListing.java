package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.kdumpsim.scenarios.model.DriverConfig;
import java.util.Map;

/**
 * {@code lspci -nn} and {@code lspci -vvv} (pciutils lspci.c, show_device / show_verbose): one
 * header line per function, {@code 01:00.0 Ethernet controller [0200]: Intel Corporation 82576
 * Gigabit Network Connection [8086:10c9] (rev 01)} (with {@code -nn} the class and IDs in
 * brackets), then with {@code -v} indented lines: {@code DevCap: ... FLReset+} (the FLR bit of
 * Device Capabilities), {@code Capabilities: [100 v2] Advanced Error Reporting}, {@code Kernel
 * driver in use: igb}. Returns whether a line was recognised.
 */
final class LspciListing {

    private static final Pattern HEADER = Pattern.compile("^" + Pci.BDF + " ([^:\\[]+?)(?: \\[([0-9a-fA-F]{4})\\])?: (.*)$");
    private static final Pattern IDS = Pattern.compile("\\[([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\\]");
    private static final Pattern FLR = Pattern.compile("FLReset([+-])");
    private static final Pattern DRIVER = Pattern.compile("^\\s+Kernel driver in use: (" + DriverConfig.NAME_PATTERN + ")");
    /** Class names lspci prints without -n (pci.ids "C" lines), for the classes a scenario tells apart. */
    private static final Map<String, Integer> CLASSES = Map.of("Ethernet controller", 0x020000, "Network controller", 0x028000,
            "Non-Volatile memory controller", 0x010802, "Serial Attached SCSI controller", 0x010700, "RAID bus controller", 0x010400,
            "SATA controller", 0x010601, "PCI bridge", 0x060400, "Host bridge", 0x060000, "Infiniband controller", 0x020700);

    private DeviceFacts current;
    private boolean inDevCap;

    boolean read(String file, int lineNo, String line, Facts facts) {
        Matcher h = HEADER.matcher(line);
        if (h.find()) {
            var bdf = Pci.bdf(h, 1);
            current = bdf == null ? null : facts.device(bdf, file + ":" + lineNo);
            inDevCap = false;
            if (current == null) {
                return bdf != null;
            }
            String className = h.group(5).strip();
            Integer cls = h.group(6) != null ? Integer.parseInt(h.group(6), 16) << 8 : CLASSES.get(className);
            if (cls != null && current.classCode == null) {
                current.classCode = cls;
            }
            current.bridge |= className.equals("PCI bridge") || (cls != null && (cls >> 8) == 0x0604);
            Matcher ids = IDS.matcher(h.group(7));
            String last = null;
            String lastDev = null;
            while (ids.find()) { // the last [vvvv:dddd] is the device's (the subsystem is printed on its own line)
                last = ids.group(1);
                lastDev = ids.group(2);
            }
            if (last != null && current.vendorId == null) {
                current.vendorId = Integer.parseInt(last, 16);
                current.deviceId = Integer.parseInt(lastDev, 16);
                current.idsWhere = file + ":" + lineNo;
            }
            return true;
        }
        if (current == null || line.isEmpty() || !Character.isWhitespace(line.charAt(0))) {
            return false;
        }
        if (line.contains("DevCap:")) {
            inDevCap = true; // its flags go on over the next lines, up to DevCtl: (which has an FLReset- of its own: the initiate bit)
        } else if (line.contains(":\t") || line.contains("Capabilities:") || line.contains("DevCtl:")) {
            inDevCap = false;
        }
        if (inDevCap && line.contains("FLReset")) {
            Matcher f = FLR.matcher(line);
            if (f.find()) {
                current.flr = f.group(1).equals("+");
            }
        }
        if (line.contains("Advanced Error Reporting")) {
            current.aerCapability = true;
        } else if (line.contains("Kernel driver in use:")) {
            Matcher d = DRIVER.matcher(line);
            if (d.find() && !d.group(1).equals("pcieport")) {
                current.drivers.putIfAbsent(0, d.group(1));
            }
        }
        return true;
    }
}
