package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.HashMap;
import java.util.Map;

/**
 * A CPER PCIe error section as ghes prints it (cper_print_pcie, Linux v4.16
 * drivers/firmware/efi/cper.c): {@code {1}[Hardware Error]:   device_id: 0000:01:00.0}, then
 * {@code vendor_id: 0x%04x, device_id: 0x%04x} and {@code class_code: %02x%02x%02x} of that
 * function; {@code event severity: ...} (cper_estatus_print) goes to expect.log.
 */
public final class CperRule implements Rule {

    private static final Pattern LINE = Pattern.compile("^\\{(\\d{1,9})\\}\\[Hardware Error\\]:\\s+(.*)$");
    private static final Pattern DEVICE = Pattern.compile("^device_id: " + Pci.BDF + "$");
    private static final Pattern IDS = Pattern.compile("^vendor_id: 0x([0-9a-fA-F]{4}), device_id: 0x([0-9a-fA-F]{4})");
    private static final Pattern CLASS = Pattern.compile("^class_code: ([0-9a-fA-F]{6})");

    private final Map<String, Object> current = new HashMap<>(); // record number -> its device

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (!msg.startsWith("{") || !msg.contains("[Hardware Error]")) {
            return;
        }
        Matcher m = LINE.matcher(msg);
        if (!m.find()) {
            return;
        }
        facts.aerFirmwareFirst = true;
        String record = m.group(1);
        String text = m.group(2);
        Matcher dev = DEVICE.matcher(text);
        Matcher ids = IDS.matcher(text);
        Matcher cls = CLASS.matcher(text);
        if (dev.find()) {
            var bdf = Pci.bdf(dev, 1);
            if (bdf != null && facts.device(bdf, line.where()) != null) {
                current.put(record, bdf);
            }
        } else if (ids.find() && current.get(record) instanceof dev.kdumpsim.scenarios.value.Bdf bdf) {
            DeviceFacts d = facts.devices.get(bdf);
            if (d.vendorId == null) {
                d.vendorId = Integer.parseInt(ids.group(1), 16);
                d.deviceId = Integer.parseInt(ids.group(2), 16);
                d.idsWhere = line.where();
            }
        } else if (cls.find() && current.get(record) instanceof dev.kdumpsim.scenarios.value.Bdf bdf) {
            DeviceFacts d = facts.devices.get(bdf);
            if (d.classCode == null) {
                d.classCode = Integer.parseInt(cls.group(1), 16);
            }
        } else if (text.startsWith("event severity: ")) {
            facts.distinctive(line, "AER");
        }
    }
}
